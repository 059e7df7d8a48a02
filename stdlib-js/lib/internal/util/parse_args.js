'use strict';
// util.parseArgs: validates the config, splits the arguments into tokens (options, positionals,
// the `--` terminator), then (strict mode) checks them against the declared options and stores
// the values. Only the config's own properties are read, as in Node.

const errors = require('internal/errors');
const { codes } = errors;

const hasOwn = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);
const own = (obj, key) => (hasOwn(obj, key) ? obj[key] : undefined);

// The user's arguments: after the script, or after the executable for -e/-p.
function mainArgs() {
  const execArgv = process.execArgv;
  if (execArgv.includes('-e') || execArgv.includes('--eval') ||
      execArgv.includes('-p') || execArgv.includes('--print')) {
    return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

function optionType(options, name) {
  const config = own(options, name);
  return config === undefined ? undefined : own(config, 'type');
}

function longNameForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (own(options[name], 'short') === short) return name;
  }
  return short;
}

function validateOptions(options) {
  for (const name of Object.keys(options)) {
    const config = options[name];
    const at = `options.${name}`;
    errors.validateObject(config, at);
    const type = own(config, 'type');
    errors.validateUnion(type, `${at}.type`, ['string', 'boolean']);
    if (hasOwn(config, 'short')) {
      const short = config.short;
      errors.validateString(short, `${at}.short`);
      if (short.length !== 1) {
        throw new codes.ERR_INVALID_ARG_VALUE(`${at}.short`, short, 'must be a single character');
      }
    }
    const multiple = own(config, 'multiple');
    if (hasOwn(config, 'multiple')) errors.validateBoolean(multiple, `${at}.multiple`);
    const def = own(config, 'default');
    if (def !== undefined) {
      if (type === 'string') {
        if (multiple) errors.validateStringArray(def, `${at}.default`);
        else errors.validateString(def, `${at}.default`);
      } else if (multiple) {
        errors.validateBooleanArray(def, `${at}.default`);
      } else {
        errors.validateBoolean(def, `${at}.default`);
      }
    }
  }
}

function optionToken(name, rawName, index, value, inlineValue) {
  return { kind: 'option', name, rawName, index, value, inlineValue };
}

function tokenize(args, options) {
  const tokens = [];
  let next = 0; // index of the next unread argument

  // A lone `-f` / `--foo`: a string option takes the next argument (whatever it looks like).
  const lone = (rawName, name, index) => {
    let value;
    let inlineValue;
    if (optionType(options, name) === 'string' && args[next] != null) {
      value = args[next++];
      inlineValue = false;
    }
    tokens.push(optionToken(name, rawName, index, value, inlineValue));
  };

  while (next < args.length) {
    const index = next;
    const arg = args[next++];
    if (typeof arg !== 'string') {
      tokens.push({ kind: 'positional', index, value: arg });
      continue;
    }
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      while (next < args.length) {
        tokens.push({ kind: 'positional', index: next, value: args[next] });
        next++;
      }
      break;
    }
    if (arg.length >= 2 && arg[0] === '-' && arg[1] !== '-') {
      if (arg.length === 2) {
        lone(arg, longNameForShort(arg[1], options), index);
        continue;
      }
      const first = longNameForShort(arg[1], options);
      if (optionType(options, first) === 'string') {
        // -fVALUE
        tokens.push(optionToken(first, `-${arg[1]}`, index, arg.slice(2), true));
        continue;
      }
      // -abc -> -a -b -c; a string option inside the group takes the rest as its value.
      for (let i = 1; i < arg.length; i++) {
        const name = longNameForShort(arg[i], options);
        if (optionType(options, name) !== 'string' || i === arg.length - 1) {
          lone(`-${arg[i]}`, name, index);
        } else {
          tokens.push(optionToken(name, `-${arg[i]}`, index, arg.slice(i + 1), true));
          break;
        }
      }
      continue;
    }
    if (arg.length > 2 && arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 2) {
        tokens.push(optionToken(arg.slice(2, eq), arg.slice(0, eq), index, arg.slice(eq + 1), true));
      } else {
        lone(arg, arg.slice(2), index);
      }
      continue;
    }
    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function describe(options, name) {
  const short = own(own(options, name), 'short');
  return short ? `-${short}, --${name}` : `--${name}`;
}

function checkToken(token, options, allowPositionals, allowNegative) {
  let name = token.name;
  if (!hasOwn(options, name)) {
    const base = name.slice(3);
    if (allowNegative && name.startsWith('no-') && hasOwn(options, base) &&
        optionType(options, base) === 'boolean') {
      name = base;
    } else {
      throw new codes.ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
    }
  }
  const type = optionType(options, name);
  if (type === 'string' && typeof token.value !== 'string') {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${describe(options, name)} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value !== undefined) {
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${describe(options, name)}' does not take an argument`);
  }
  if (type === 'string' && !token.inlineValue && token.value.length > 1 && token.value[0] === '-') {
    const raw = token.rawName;
    const example = raw.startsWith('--') ? `'--${name}=-XYZ'` : `'--${name}=-XYZ' or '${raw}-XYZ'`;
    throw new codes.ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${raw}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${raw}'?\n` +
      `To specify an option argument starting with a dash use ${example}.`);
  }
}

function store(values, options, token, allowNegative) {
  let name = token.name;
  let value = token.value === undefined ? true : token.value;
  if (allowNegative && token.value === undefined && name.startsWith('no-')) {
    name = name.slice(3);
    token.name = name;
    value = false;
  }
  if (name === '__proto__') return;
  if (own(own(options, name) || {}, 'multiple')) {
    if (values[name] === undefined) values[name] = [];
    values[name].push(value);
  } else {
    values[name] = value;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = own(config, 'args') ?? mainArgs();
  const strict = own(config, 'strict') ?? true;
  const allowPositionals = own(config, 'allowPositionals') ?? !strict;
  const returnTokens = own(config, 'tokens') ?? false;
  const allowNegative = own(config, 'allowNegative') ?? false;
  const options = own(config, 'options') ?? { __proto__: null };

  errors.validateArray(args, 'args');
  errors.validateBoolean(strict, 'strict');
  errors.validateBoolean(allowPositionals, 'allowPositionals');
  errors.validateBoolean(returnTokens, 'tokens');
  errors.validateBoolean(allowNegative, 'allowNegative');
  errors.validateObject(options, 'options');
  validateOptions(options);

  const tokens = tokenize(args, options);
  const values = { __proto__: null };
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkToken(token, options, allowPositionals, allowNegative);
      store(values, options, token, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new codes.ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      positionals.push(token.value);
    }
  }
  for (const name of Object.keys(options)) {
    // As for parsed values: a `__proto__` option is never stored.
    if (name === '__proto__') continue;
    const def = own(options[name], 'default');
    if (def !== undefined && values[name] === undefined) values[name] = def;
  }
  const result = { values, positionals };
  if (returnTokens) result.tokens = tokens;
  return result;
}

module.exports = { parseArgs };
