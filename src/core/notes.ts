/**
 * Parse problems listed per file: a template parsed as YAML, or one construct tree-sitter-bash cannot parse, can give
 * dozens, which hid everything else in reports. The first `max - 1` are kept and `more(rest, at)` stands for the
 * others, placed at the first of them.
 */
export function capProblems<T>(problems: T[], max: number, more: (rest: number, at: T) => T): T[] {
  if (problems.length <= max) return problems;
  const shown = problems.slice(0, max - 1);
  shown.push(more(problems.length - shown.length, problems[max - 1]!));
  return shown;
}
