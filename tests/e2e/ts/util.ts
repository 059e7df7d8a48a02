const base: number = 10;
module.exports = { base, twice: (n: number): number => n * 2 };
