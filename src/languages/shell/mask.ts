/**
 * A same-length copy of shell code as a shell would read it, so that embedded offsets equal host offsets:
 * - Dockerfile line continuations (escape char + newline) become spaces (Docker joins the lines);
 * - comment lines inside a continued Dockerfile instruction become spaces (Docker drops them);
 * - a byte-order mark becomes a space.
 * Carriage returns stay: tree-sitter-bash reads CRLF like bash does (heredoc delimiters included).
 */
export function maskShell(text: string, escape: string, dockerContinuations: boolean): string {
  let out = text.replace(/\uFEFF/g, ' ');
  if (!dockerContinuations) return out;
  const esc = escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  // A continuation: escape char, optional blanks, newline. Following comment or blank lines stay part of the
  // instruction (Docker skips them), so they are blanked too.
  const re = new RegExp(`${esc}[ \\t]*\\r?\\n((?:[ \\t]*(?:#[^\\n]*)?\\r?\\n)*)`, 'g');
  out = out.replace(re, (m) => m.replace(/[^\n]/g, ' ').replace(/\n/g, ' '));
  return out;
}
