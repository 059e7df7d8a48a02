//! Event-loop benchmarks: loop churn (nextTick, promise reactions, setImmediate, setTimeout)
//! for Eddy and `node` side by side, and a worker-pool demonstration (8 jobs of 100 ms with
//! pool sizes 2, 4 and 8). Run with `cargo bench --bench loop`.

mod common;

use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

/// 8 jobs of 100 ms on the pool, timed inside this process through the embedding API.
fn pool_child() {
    fn sleep_job(
        scope: &mut eddy::v8::PinScope,
        args: eddy::v8::FunctionCallbackArguments,
        _rv: eddy::v8::ReturnValue,
    ) {
        let Ok(cb) = eddy::v8::Local::<eddy::v8::Function>::try_from(args.get(0)) else {
            return;
        };
        let cb = eddy::v8::Global::new(scope, cb);
        eddy::submit(
            scope,
            || std::thread::sleep(Duration::from_millis(100)),
            move |scope, _| {
                let cb = eddy::v8::Local::new(scope, cb);
                eddy::call_function(scope, cb, &[]);
            },
        );
    }
    let mut rt = eddy::Runtime::new(eddy::Options {
        globals: vec![eddy::NativeModule {
            name: "demo",
            init: |scope, target| eddy::set_fn(scope, target, "sleep", sleep_job),
        }],
        ..Default::default()
    })
    .expect("runtime starts");
    let start = Instant::now();
    rt.eval::<()>("let done = 0; for (let i = 0; i < 8; i++) demo.sleep(() => done++);")
        .expect("jobs start");
    rt.run_to_completion();
    let done: f64 = rt.eval("done").expect("count");
    assert_eq!(done, 8.0);
    println!("{}", start.elapsed().as_millis());
}

fn main() {
    if std::env::args().any(|a| a == "--pool-child") {
        pool_child();
        return;
    }
    let eddy = env!("CARGO_BIN_EXE_eddy");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../benches/js");
    println!(
        "{:<18} {:>10} {:>10} {:>8}",
        "loop churn", "eddy", "node", "eddy/node"
    );
    for case in ["next_tick", "promise_chain", "set_immediate", "set_timeout"] {
        let script = format!("{dir}/{case}.js");
        let ours = common::median(eddy, &[&script], &[], RUNS).expect("eddy runs the case");
        match common::median("node", &[&script], &[], RUNS) {
            Some(theirs) => println!(
                "{case:<18} {:>8.1}ms {:>8.1}ms {:>8.2}",
                common::ms(ours),
                common::ms(theirs),
                ours.as_secs_f64() / theirs.as_secs_f64()
            ),
            None => println!(
                "{case:<18} {:>8.1}ms {:>10} {:>8}",
                common::ms(ours),
                "-",
                "-"
            ),
        }
    }
    println!("\nworker pool: 8 jobs x 100 ms");
    let me = std::env::current_exe().expect("own path");
    for size in ["2", "4", "8"] {
        let out = Command::new(&me)
            .arg("--pool-child")
            .env("UV_THREADPOOL_SIZE", size)
            .output()
            .expect("child runs");
        let took = String::from_utf8_lossy(&out.stdout);
        println!("UV_THREADPOOL_SIZE={size}: {} ms", took.trim());
    }
}
