class Point { constructor(x, y) { this.x = x; this.y = y; } }
console.table([
  { v: { x: 1, y: 2, z: 3 } },
  { v: { x: 1 } },
  { v: [1, 2, 3, 4, 5] },
  { v: 'line\nbreak' },
  { v: Symbol('sym') },
  { v: 10n },
  { v: function named() {} },
  { v: new Point(1, 2) },
  { v: -0 },
  { v: NaN },
]);
