enum Direction { Up, Down, Left = 10, Right }
enum Label { Yes = 'yes', No = 'no' }
const enum Flag { A = 1, B = 2, AB = 3 }
namespace Geometry {
  export const unit = 1;
  export function double(n: number): number { return n * 2; }
  const hidden = 'not exported';
  export namespace Inner { export const deep = 'deep value'; }
}
namespace A.B.C { export const nested = true; }
console.log(Direction.Up, Direction.Right, Direction[11], Direction);
console.log(Label.Yes, Label, Flag.AB);
console.log(Geometry.unit, Geometry.double(21), Geometry.Inner.deep, (Geometry as any).hidden);
console.log(A.B.C.nested);
