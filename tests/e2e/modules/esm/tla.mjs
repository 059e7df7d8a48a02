await 0;
export const t = 1;
