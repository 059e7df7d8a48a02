// Customization hooks for the esm_hooks golden: a virtual module, .txt files as modules,
// a logging resolve/load pass-through, and a query-string counter.
let hooksData;
export async function initialize(data) {
  hooksData = data;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier.startsWith('virtual:')) return { url: specifier, shortCircuit: true };
  const resolved = await nextResolve(specifier, context);
  if (specifier.endsWith('.txt')) return { ...resolved, format: 'module' };
  return resolved;
}

export async function load(url, context, nextLoad) {
  if (url === 'virtual:data') {
    return { format: 'module', source: `export default ${JSON.stringify(hooksData)};`, shortCircuit: true };
  }
  if (url === 'virtual:greeting') {
    return { format: 'module', source: 'export default "hello from a virtual module";', shortCircuit: true };
  }
  if (url.endsWith('.txt')) {
    const { source } = await nextLoad(url, { ...context, format: 'module' });
    return { format: 'module', source: `export default ${JSON.stringify(String(source).trim())};` };
  }
  const result = await nextLoad(url, context);
  if (url.includes('/hooks/')) {
    console.log('load', url.slice(url.lastIndexOf('/') + 1), context.format, result.format,
      result.source === null ? 'null' : typeof result.source);
  }
  return result;
}
