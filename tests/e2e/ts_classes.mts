import { Square, Base } from './ts/shapes.mts';
class Counter {
  static created: number = 0;
  private count = 0;
  protected readonly step: number = 1;
  declare extra: string;
  optional?: string;
  constructor(public name: string, private start = 10) { Counter.created++; this.count = start; }
  inc(): this { this.count += this.step; return this; }
  get value(): number { return this.count; }
}
const c = new Counter('c').inc().inc();
console.log(c.value, c.name, Counter.created, Object.keys(c));
const sq = new Square(3);
console.log(sq.describe(), sq instanceof Base, Object.keys(sq));
