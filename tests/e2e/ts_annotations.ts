type Pair<T> = [T, T];
interface Named { name: string; age?: number }
declare const injected: unknown;
declare function ambient(x: number): void;
function first<T>(pair: Pair<T>): T { return pair[0]; }
function overload(x: string): string;
function overload(x: number): number;
function overload(x: any): any { return x; }
const person: Named = { name: 'Ada' };
let count!: number;
count = first<number>([3, 4]);
const data = { value: 42 } as const satisfies { value: number };
const el = (globalThis as any).notThere ?? null;
console.log(first(['a', 'b']), overload(5), person, count, data, el);
console.log(typeof injected === 'undefined' ? 'no injected' : 'injected', (person.age as number | undefined)!);
