'use strict';
// internal/tty: the colour depth a terminal is taken to have, from the environment - one copy,
// for tty.WriteStream#getColorDepth/hasColors and console's colour choice (which must not load
// node:tty and net with it).

// TERM values (lower-cased) with a known depth, and patterns that mean 16 colours.
const termDepths = {
  __proto__: null,
  eterm: 4, cons25: 4, console: 4, cygwin: 4, dtterm: 4, gnome: 4, hurd: 4, jfbterm: 4,
  konsole: 4, kterm: 4, mlterm: 4, mosh: 24, putty: 4, st: 4, 'rxvt-unicode-24bit': 24,
  terminator: 24,
};
const term16 = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/, /^screen/, /^xterm/, /^vt100/];
const ciVendors = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS', 'GITLAB_CI',
  'TRAVIS'];

/** Colour depth in bits (1, 4, 8 or 24) from the environment, as Node's WriteStream answers. */
function getColorDepth(env = process.env) {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '' || force === '1' || force === 'true') return 4;
    if (force === '2') return 8;
    if (force === '3') return 24;
    return 1;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined || env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 8;
  if (env.CI) {
    return ciVendors.some((name) => name in env) || env.CI_NAME === 'codeship' ? 8 : 1;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 4 : 1;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      return !env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION) ? 8 : 24;
    case 'HyperTerm':
    case 'MacTerm':
      return 24;
    case 'Apple_Terminal':
      return 8;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return 8;
    const term = env.TERM.toLowerCase();
    if (termDepths[term] !== undefined) return termDepths[term];
    if (term16.some((re) => re.test(term))) return 4;
  }
  return env.COLORTERM ? 4 : 1;
}

module.exports = { getColorDepth };
