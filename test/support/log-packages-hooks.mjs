export async function resolve(specifier, context, next) {
  if (!/^(node:|file:|data:|\.|\/)/.test(specifier)) process.stderr.write(`AZL-LOADED ${specifier}\n`);
  return next(specifier, context);
}
