export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'incomplete:x') return { url: 'file:///nowhere.mjs' };
  return nextResolve(specifier, context);
}
