// --pending-deprecation turns on DEP0144 for module.parent.
console.log(module.parent);
