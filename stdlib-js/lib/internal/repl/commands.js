'use strict';
// internal/repl/commands: the REPL's dot-commands (.break .clear .editor .exit .help .load
// .save) and editor mode, where lines are collected until Ctrl+D runs them (or Ctrl+C drops
// them). `.editor` exists only on a terminal, as in Node.

const fs = require('fs');
const { Interface } = require('readline');
const { codes } = require('internal/errors');

function turnOnEditorMode(repl) {
  repl.editorMode = true;
  // The Interface's own setPrompt: the REPL's would change the initial prompt.
  Interface.prototype.setPrompt.call(repl, '');
}

function turnOffEditorMode(repl) {
  repl.editorMode = false;
  repl.setPrompt(repl._initialPrompt);
}

function defineDefaultCommands(repl) {
  repl.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });

  repl.defineCommand('clear', {
    help: repl.useGlobal ? 'Alias for .break' : 'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });

  repl.defineCommand('help', {
    help: 'Print this help message',
    action() {
      const names = Object.keys(this.commands).sort();
      const width = Math.max(...names.map((name) => name.length));
      for (const name of names) {
        const { help } = this.commands[name];
        this.output.write(`.${name}${help ? ' '.repeat(width - name.length + 3) + help : ''}\n`);
      }
      this.output.write('\nPress Ctrl+C to abort current expression, Ctrl+D to exit the REPL\n');
      this.displayPrompt();
    },
  });

  repl.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action(file) {
      if (file === '') {
        this.output.write(`${new codes.ERR_MISSING_ARGS('file').message}\n`);
      } else {
        try {
          fs.writeFileSync(file, this.lines.join('\n'));
          this.output.write(`Session saved to: ${file}\n`);
        } catch {
          this.output.write(`Failed to save: ${file}\n`);
        }
      }
      this.displayPrompt();
    },
  });

  repl.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action(file) {
      if (file === '') {
        this.output.write(`${new codes.ERR_MISSING_ARGS('file').message}\n`);
        this.displayPrompt();
        return;
      }
      try {
        if (fs.statSync(file).isFile()) {
          // The file's lines are collected as in editor mode, then run as one entry.
          const data = fs.readFileSync(file, 'utf8');
          turnOnEditorMode(this);
          this._loading = true;
          try {
            this.write(data);
          } finally {
            this._loading = false;
            turnOffEditorMode(this);
          }
          this.write('\n');
        } else {
          this.output.write(`Failed to load: ${file} is not a valid file\n`);
        }
      } catch {
        this.output.write(`Failed to load: ${file}\n`);
      }
      this.displayPrompt();
    },
  });

  if (repl.terminal) {
    repl.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        turnOnEditorMode(this);
        this.output.write('// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
      },
    });
  }
}

module.exports = { defineDefaultCommands, turnOffEditorMode, turnOnEditorMode };
