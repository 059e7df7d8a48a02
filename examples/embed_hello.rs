//! Embedding Eddy: build a runtime through the library API, run JS that uses `console.log`
//! and `require('path')`, and read a value back into Rust.

fn main() -> anyhow::Result<()> {
    // One call builds the isolate, the native modules and the standard library.
    let mut rt = eddy::Runtime::new(eddy::Options::default())?;

    // Run JS: console output goes to our stdout; the completion value comes back typed.
    let joined: String = rt.eval(
        "console.log('hello from JS');
         require('path').join('a', 'b', 'c')",
    )?;
    println!("Rust got: {joined}");

    // Let pending callbacks finish and 'exit' fire, as `eddy` does before exiting.
    let code = rt.run_to_completion();
    std::process::exit(code);
}
