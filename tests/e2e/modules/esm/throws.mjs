export const before = 1;
throw new Error('esm threw');
