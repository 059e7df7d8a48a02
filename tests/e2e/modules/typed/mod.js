export const kind = 'esm by type';
