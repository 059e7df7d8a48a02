//! The one way into JS. [`call`] runs a JS function, routes an exception to the uncaught-
//! exception path, then drains `process.nextTick` and V8's microtasks, repeating until both are
//! empty — the order Node uses after every callback. Nobody else calls into JS by hand.

use std::sync::atomic::{AtomicBool, Ordering};

use crate::errors::arrow_message;
use crate::state::{exit_requested, hook, tick_work_pending};

/// --trace-uncaught (set by the JS side for the process): the report of an uncaught exception
/// says where it was thrown.
static TRACE_UNCAUGHT: AtomicBool = AtomicBool::new(false);

/// `binding.runtime.setTraceUncaught()`: V8 keeps the stack of every exception that may go
/// uncaught in this isolate (it costs a stack capture per such throw, so only on request).
pub(crate) fn js_set_trace_uncaught(
    scope: &mut v8::PinScope,
    _args: v8::FunctionCallbackArguments,
    _rv: v8::ReturnValue,
) {
    TRACE_UNCAUGHT.store(true, Ordering::Relaxed);
    scope.set_capture_stack_trace_for_uncaught_exceptions(true, 10);
}

/// The `Thrown at:` frames of an uncaught exception's message, one `    at ...` line each, as
/// Node prints them.
fn thrown_at(scope: &mut v8::PinScope, message: v8::Local<v8::Message>) -> Option<String> {
    let trace = message.get_stack_trace(scope)?;
    let mut lines = Vec::new();
    for i in 0..trace.get_frame_count() {
        let Some(frame) = trace.get_frame(scope, i) else {
            continue;
        };
        let line = frame.get_line_number();
        let column = frame.get_column();
        let file = frame
            .get_script_name_or_source_url(scope)
            .map(|s| s.to_rust_string_lossy(scope))
            .unwrap_or_default();
        let name = frame
            .get_function_name(scope)
            .map(|s| s.to_rust_string_lossy(scope))
            .unwrap_or_default();
        lines.push(if frame.is_eval() {
            format!("    at [eval] ({file}:{line}:{column})")
        } else if name.is_empty() {
            format!("    at {file}:{line}:{column}")
        } else {
            format!("    at {name} ({file}:{line}:{column})")
        });
    }
    Some(lines.join("\n"))
}

/// What happened to a call into JS.
pub(crate) enum Outcome<'s> {
    /// It returned this value.
    Returned(v8::Local<'s, v8::Value>),
    /// It threw; the exception went to the uncaught-exception path (or to the caller, for
    /// [`call_catching`]).
    Threw,
    /// JS asked to exit; execution was terminated.
    Exited,
}

/// Call `f` with `recv` and `args`; an exception goes to the uncaught-exception path; then the
/// tick and microtask queues are drained.
pub(crate) fn call<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    f: v8::Local<'s, v8::Function>,
    recv: v8::Local<'s, v8::Value>,
    args: &[v8::Local<'s, v8::Value>],
) -> Outcome<'s> {
    let outcome = call_no_drain(scope, f, recv, args, None);
    if !matches!(outcome, Outcome::Exited) {
        drain_ticks(scope);
    }
    if exit_requested(scope) {
        return Outcome::Exited;
    }
    outcome
}

/// Like [`call`], but when `f` throws the queues are left for the next callback: in a batch of
/// immediates Node drains them before each immediate but the first of a run, and a throw ends
/// that run (the next immediate starts a new one), so the next immediate runs first.
pub(crate) fn call_batched<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    f: v8::Local<'s, v8::Function>,
    recv: v8::Local<'s, v8::Value>,
    args: &[v8::Local<'s, v8::Value>],
) -> Outcome<'s> {
    let outcome = call_no_drain(scope, f, recv, args, None);
    if matches!(outcome, Outcome::Returned(_)) {
        drain_ticks(scope);
    }
    if exit_requested(scope) {
        return Outcome::Exited;
    }
    outcome
}

/// Like [`call`], but an exception is handed back through `caught` instead of being treated as
/// uncaught (for embedders' `eval`, which report errors to Rust).
pub(crate) fn call_catching<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    f: v8::Local<'s, v8::Function>,
    recv: v8::Local<'s, v8::Value>,
    args: &[v8::Local<'s, v8::Value>],
    caught: &mut Option<v8::Global<v8::Value>>,
) -> Outcome<'s> {
    let outcome = call_no_drain(scope, f, recv, args, Some(caught));
    if !matches!(outcome, Outcome::Exited) {
        drain_ticks(scope);
    }
    if exit_requested(scope) {
        return Outcome::Exited;
    }
    outcome
}

/// The isolate's message listener. Messages of uncaught exceptions (a verbose TryCatch, see
/// `call_no_drain`) are reported through the uncaught-exception path already; without a
/// listener V8 would also print each to stdout.
pub(crate) extern "C" fn ignore_message(
    _message: v8::Local<v8::Message>,
    _data: v8::Local<v8::Value>,
) {
}

fn call_no_drain<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    f: v8::Local<'s, v8::Function>,
    recv: v8::Local<'s, v8::Value>,
    args: &[v8::Local<'s, v8::Value>],
    caught: Option<&mut Option<v8::Global<v8::Value>>>,
) -> Outcome<'s> {
    if exit_requested(scope) {
        return Outcome::Exited;
    }
    v8::tc_scope!(let tc, scope);
    // What this call does not hand to its caller is uncaught, as far as JS is concerned: a
    // verbose TryCatch is what tells V8's debugger so ("pause on uncaught exceptions"), which
    // a plain one would count as the catcher. V8 then reports the message to the listeners
    // (see `ignore_message`).
    tc.set_verbose(caught.is_none());
    if let Some(value) = f.call(tc, recv, args) {
        return Outcome::Returned(value);
    }
    if tc.has_terminated() || exit_requested(tc) {
        return Outcome::Exited;
    }
    let Some(exception) = tc.exception() else {
        return Outcome::Threw;
    };
    match caught {
        Some(slot) => *slot = Some(v8::Global::new(tc, exception)),
        None => {
            let message = tc.message();
            report_uncaught(tc, exception, message, "uncaughtException");
        }
    }
    Outcome::Threw
}

/// Drain the nextTick queue, then microtasks, then promise rejections, until all are empty.
/// When JS has nothing queued (the shared `tickInfo` flags are clear) only V8's microtask
/// checkpoint runs, without calling into the JS tick function; before the bootstrap has
/// installed that function, only microtasks exist.
pub(crate) fn drain_ticks(scope: &mut v8::PinScope) {
    loop {
        if exit_requested(scope) {
            return;
        }
        if !tick_work_pending(scope) {
            scope.perform_microtask_checkpoint();
            if !tick_work_pending(scope) {
                return;
            }
        }
        let Some(tick) = hook(scope, "processTicksAndRejections") else {
            scope.perform_microtask_checkpoint();
            return;
        };
        let recv = v8::undefined(scope).into();
        // A tick that throws goes to the uncaught path; the rest of the queue still runs, so go
        // round again until the callback returns normally.
        if let Outcome::Returned(_) | Outcome::Exited = call_no_drain(scope, tick, recv, &[], None)
        {
            return;
        }
    }
}

/// Hand an exception nobody caught to JS (`hooks.handleUncaught(error, origin, arrow[,
/// thrownAt])`), which
/// emits 'uncaughtException' or prints the report and exits like Node. If that handler itself
/// throws, Node's rule applies: print it and exit with code 7.
pub(crate) fn report_uncaught(
    scope: &mut v8::PinScope,
    exception: v8::Local<v8::Value>,
    message: Option<v8::Local<v8::Message>>,
    origin: &str,
) {
    let is_syntax_error = is_syntax_error(scope, exception);
    let arrow = match (crate::errors::decorated_arrow(scope, exception), message) {
        (Some(arrow), _) => arrow,
        (None, Some(m)) => arrow_message(scope, m, is_syntax_error),
        (None, None) => String::new(),
    };
    let Some(handler) = hook(scope, "handleUncaught") else {
        // Before the bootstrap finished there is no JS to report with.
        let text = exception.to_rust_string_lossy(scope);
        eprintln!("{arrow}\n{text}");
        crate::state::state(scope).borrow_mut().exit_code = Some(1);
        return;
    };
    let thrown_at = message
        .filter(|_| TRACE_UNCAUGHT.load(Ordering::Relaxed))
        .and_then(|m| thrown_at(scope, m));
    let thrown_at = match thrown_at {
        Some(text) => crate::native::js_string(scope, &text).into(),
        None => v8::undefined(scope).into(),
    };
    let origin = crate::native::js_string(scope, origin).into();
    let arrow = crate::native::js_string(scope, &arrow).into();
    let recv = v8::undefined(scope).into();
    v8::tc_scope!(let tc, scope);
    if handler
        .call(tc, recv, &[exception, origin, arrow, thrown_at])
        .is_none()
        && !tc.has_terminated()
        && !exit_requested(tc)
    {
        let exception = tc.exception();
        let message = tc.message();
        crate::state::state(tc).borrow_mut().exit_code = Some(7);
        if let Some(exception) = exception {
            print_fatal(tc, exception, message);
        }
        tc.terminate_execution();
    }
}

/// Print the fatal report of `exception` through the JS printer (`hooks.printFatal`), falling
/// back to plain text when even that fails.
fn print_fatal(
    scope: &mut v8::PinScope,
    exception: v8::Local<v8::Value>,
    message: Option<v8::Local<v8::Message>>,
) {
    let is_syntax_error = is_syntax_error(scope, exception);
    let arrow = message
        .map(|m| arrow_message(scope, m, is_syntax_error))
        .unwrap_or_default();
    if let Some(printer) = hook(scope, "printFatal") {
        let arrow_value = crate::native::js_string(scope, &arrow).into();
        let recv = v8::undefined(scope).into();
        v8::tc_scope!(let tc, scope);
        if printer.call(tc, recv, &[exception, arrow_value]).is_some() {
            return;
        }
    }
    let text = exception.to_rust_string_lossy(scope);
    eprintln!("{arrow}\n{text}");
}

fn is_syntax_error(scope: &mut v8::PinScope, value: v8::Local<v8::Value>) -> bool {
    let Ok(obj) = v8::Local::<v8::Object>::try_from(value) else {
        return false;
    };
    obj.get_constructor_name().to_rust_string_lossy(scope) == "SyntaxError"
}
