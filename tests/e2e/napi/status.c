/* Status codes and pending exceptions of Node-API calls given bad arguments (and a few edge
 * cases of string copying), for tests/e2e/napi_status.js: each line is "call=status" with
 * "+pending" when the call left a JS exception pending. */
#include <stdio.h>
#include "node_api_decls.h"

static napi_value S(napi_env env, const char *s) { napi_value v; napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v); return v; }
static int line = 0;
static napi_value out;
static void rec(napi_env env, const char *name, napi_status st) {
  napi_value v; _Bool pending;
  napi_is_exception_pending(env, &pending);
  char buf[200]; snprintf(buf, sizeof buf, "%s=%d%s", name, st, pending ? "+pending" : "");
  if (pending) { napi_value e; napi_get_and_clear_last_exception(env, &e); }
  napi_set_element(env, out, line++, S(env, buf));
}
#define P(call) rec(env, #call, call)
static void fin(napi_env env, void *d, void *h) {}
static napi_value run(napi_env env, napi_callback_info info) {
  napi_value num, str, obj, undef, nul, r, fn, arr, sym, big, ab;
  size_t argc = 1; napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  fn = argv[0];
  line = 0;
  napi_create_array(env, &out);
  napi_create_int32(env, 5, &num); str = S(env, "str"); napi_create_object(env, &obj);
  napi_get_undefined(env, &undef); napi_get_null(env, &nul); napi_create_array(env, &arr);
  napi_create_symbol(env, NULL, &sym); napi_create_bigint_int64(env, 5, &big);
  napi_create_arraybuffer(env, 8, NULL, &ab);
  int32_t i; double d; _Bool b; size_t n; void *p; uint32_t u; int64_t i64;
  P(napi_get_value_int32(env, str, &i));
  P(napi_get_value_int32(env, NULL, &i));
  P(napi_get_value_int32(env, num, NULL));
  P(napi_get_value_bool(env, num, &b));
  P(napi_get_value_string_utf8(env, num, NULL, 0, &n));
  P(napi_get_value_string_utf8(env, str, NULL, 0, NULL));
  P(napi_get_value_string_latin1(env, num, NULL, 0, &n));
  P(napi_get_value_bigint_int64(env, num, &i64, &b));
  P(napi_call_function(env, undef, num, 0, NULL, &r));
  P(napi_call_function(env, undef, fn, 0, NULL, &r));
  P(napi_call_function(env, undef, fn, 0, NULL, &r));
  P(napi_new_instance(env, num, 0, NULL, &r));
  P(napi_set_named_property(env, undef, "x", num));
  P(napi_set_named_property(env, num, "x", num));
  P(napi_get_named_property(env, nul, "x", &r));
  P(napi_set_property(env, obj, NULL, num));
  P(napi_has_own_property(env, obj, num, &b));
  P(napi_has_property(env, obj, num, &b));
  P(napi_get_prototype(env, num, &r));
  P(napi_get_array_length(env, obj, &u));
  P(napi_define_properties(env, num, 0, NULL));
  P(napi_object_freeze(env, num));
  P(napi_object_seal(env, str));
  P(napi_wrap(env, num, (void *)1, NULL, NULL, NULL));
  P(napi_wrap(env, obj, (void *)1, NULL, NULL, NULL));
  P(napi_wrap(env, obj, (void *)1, NULL, NULL, NULL));
  P(napi_unwrap(env, arr, &p));
  P(napi_remove_wrap(env, arr, &p));
  P(napi_create_reference(env, num, 1, (napi_ref *)&p));
  P(napi_create_reference(env, str, 0, (napi_ref *)&p));
  P(napi_create_reference(env, sym, 0, (napi_ref *)&p));
  P(napi_add_finalizer(env, num, NULL, fin, NULL, NULL));
  P(napi_get_value_external(env, obj, &p));
  P(napi_get_arraybuffer_info(env, obj, &p, &n));
  P(napi_create_typedarray(env, 1, 2, obj, 0, &r));
  P(napi_create_typedarray(env, 1, 20, ab, 0, &r));
  P(napi_create_typedarray(env, 99, 2, ab, 0, &r));
  P(napi_create_dataview(env, 20, ab, 0, &r));
  P(napi_get_typedarray_info(env, obj, NULL, NULL, NULL, NULL, NULL));
  P(napi_get_dataview_info(env, obj, NULL, NULL, NULL, NULL));
  P(napi_get_buffer_info(env, obj, &p, &n));
  P(napi_get_date_value(env, obj, &d));
  P(napi_instanceof(env, obj, num, &b));
  P(napi_instanceof(env, num, fn, &b));
  P(napi_create_error(env, NULL, num, &r));
  P(napi_create_error(env, num, str, &r));
  P(napi_throw_error(env, NULL, "x"));
  P(napi_throw_error(env, NULL, "y"));
  P(napi_create_object(env, &r));
  napi_value e; napi_get_and_clear_last_exception(env, &e);
  P(napi_detach_arraybuffer(env, obj));
  P(napi_detach_arraybuffer(env, ab));
  P(napi_get_all_property_names(env, obj, 5, 0, 0, &r));
  P(napi_coerce_to_object(env, undef, &r));
  P(napi_create_string_utf8(env, NULL, 3, &r));
  P(napi_create_function(env, NULL, 0, NULL, NULL, &r));
  P(napi_create_threadsafe_function(env, NULL, NULL, S(env, "x"), 0, 1, NULL, NULL, NULL, NULL, (napi_threadsafe_function *)&p));
  P(napi_create_threadsafe_function(env, fn, NULL, S(env, "x"), 0, 0, NULL, NULL, NULL, NULL, (napi_threadsafe_function *)&p));
  P(napi_typeof(env, NULL, &i));
  P(napi_strict_equals(env, num, NULL, &b));
  P(napi_create_typedarray(env, 5, 1, ab, 2, &r));
  P(napi_create_dataview(env, 4, ab, 6, &r));
  { napi_ref rf; napi_create_reference(env, obj, 0, &rf); P(napi_reference_unref(env, rf, &u)); P(napi_reference_ref(env, rf, &u)); napi_delete_reference(env, rf); }
  { char buf[4]; size_t c = 99; P(napi_get_value_string_utf8(env, S(env, "h\xc3\xa9llo"), buf, 0, &c)); rec(env, c == 0 ? "c0" : "cX", 0);
    P(napi_get_value_string_utf8(env, S(env, "h\xc3\xa9llo"), buf, 3, &c)); rec(env, c == 1 ? "c1" : (c == 2 ? "c2" : "c?"), 0);
    P(napi_get_value_string_latin1(env, S(env, "hello"), buf, 3, &c)); rec(env, c == 2 ? "l2" : "l?", 0); }
  P(napi_create_bigint_words(env, 0, (size_t)1 << 31, (uint64_t *)&i64, &r));
  P(napi_get_property_names(env, num, &r));
  P(napi_get_element(env, str, 0, &r));
  P(napi_has_element(env, undef, 0, &b));
  P(napi_delete_property(env, nul, str, &b));
  P(napi_get_new_target(env, NULL, &r));
  P(napi_create_date(env, 1e300, &r));
  P(napi_create_external(env, NULL, NULL, NULL, &r));
  P(napi_typeof(env, r, &i)); rec(env, i == 8 ? "external" : "notexternal", 0);
  napi_handle_scope hs;
  P(napi_close_handle_scope(env, NULL));
  P(napi_run_script(env, num, &r));
  P(napi_run_script(env, S(env, "throw 1"), &r));
  P(napi_run_script(env, S(env, "(("), &r));
  return out;
}
napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  napi_value fn; napi_create_function(env, "run", NAPI_AUTO_LENGTH, run, NULL, &fn);
  napi_set_named_property(env, exports, "run", fn);
  return exports;
}
