import pkg, { fromPkg } from "esm-pkg";
export { pkg, fromPkg };
