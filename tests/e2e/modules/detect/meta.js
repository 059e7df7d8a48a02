export const url = import.meta.url.endsWith('meta.js');
