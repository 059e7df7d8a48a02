export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'bad:x') return { url: 42, shortCircuit: true };
  return nextResolve(specifier, context);
}
