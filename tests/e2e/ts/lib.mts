export const fromMts: string = "mts module";
export default function greet(name: string): string { return `hi ${name}`; }
