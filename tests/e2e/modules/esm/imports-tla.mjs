import './tla.mjs';
export const x = 1;
