export const instance = Symbol(import.meta.url.slice(import.meta.url.indexOf("?")));
