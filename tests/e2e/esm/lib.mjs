export const named = 'named export';
export let counter = 0;
export function increment() { counter++; }
export default class Thing {}
