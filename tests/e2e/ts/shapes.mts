export interface Shape { area(): number }
export abstract class Base implements Shape {
  abstract area(): number;
  describe(this: Base): string { return `${this.constructor.name}(${this.area()})`; }
}
export class Square extends Base {
  constructor(private readonly side: number) { super(); }
  area(): number { return this.side ** 2; }
}
export type Sized = { size: number };
