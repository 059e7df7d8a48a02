const factor: number = 3;
module.exports = { triple: (n: number): number => n * factor };
