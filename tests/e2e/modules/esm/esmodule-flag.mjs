export const __esModule = true;
export default 'has flag';
export const x = 1;
