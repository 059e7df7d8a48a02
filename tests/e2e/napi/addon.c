/* A Node-API test addon for tests/e2e/napi_addon.js. Built with `cc` at test time and loaded
 * by both node and eddy. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node_api_decls.h"

#define CHECK(call)                                                             \
  do {                                                                          \
    napi_status s_ = (call);                                                    \
    if (s_ != 0) {                                                              \
      const napi_extended_error_info *info_;                                    \
      napi_get_last_error_info(env, &info_);                                    \
      napi_throw_error(env, "ERR_TEST", info_->error_message ? info_->error_message : "?"); \
      return NULL;                                                              \
    }                                                                           \
  } while (0)

static napi_value args_of(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv) {
  napi_value self;
  napi_get_cb_info(env, info, argc, argv, &self, NULL);
  return self;
}

static napi_value str(napi_env env, const char *s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

/* ----- values ----- */

static napi_value add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], out;
  double a, b;
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_double(env, argv[0], &a));
  CHECK(napi_get_value_double(env, argv[1], &b));
  CHECK(napi_create_double(env, a + b, &out));
  return out;
}

static napi_value numbers(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], arr, v;
  int32_t i32;
  uint32_t u32;
  int64_t i64;
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_int32(env, argv[0], &i32));
  CHECK(napi_get_value_uint32(env, argv[0], &u32));
  CHECK(napi_get_value_int64(env, argv[0], &i64));
  CHECK(napi_create_array_with_length(env, 3, &arr));
  napi_create_int32(env, i32, &v);
  napi_set_element(env, arr, 0, v);
  napi_create_uint32(env, u32, &v);
  napi_set_element(env, arr, 1, v);
  napi_create_int64(env, i64, &v);
  napi_set_element(env, arr, 2, v);
  return arr;
}

static napi_value type_of(napi_env env, napi_callback_info info) {
  static const char *names[] = {"undefined", "null", "boolean", "number", "string",
                                "symbol", "object", "function", "external", "bigint"};
  size_t argc = 1;
  napi_value argv[1];
  int t;
  args_of(env, info, &argc, argv);
  CHECK(napi_typeof(env, argv[0], &t));
  return str(env, names[t]);
}

static napi_value strings(napi_env env, napi_callback_info info) {
  size_t argc = 1, len, copied;
  napi_value argv[1], obj, v;
  char small[6];
  uint16_t units[64];
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_string_utf8(env, argv[0], NULL, 0, &len));
  CHECK(napi_get_value_string_utf8(env, argv[0], small, sizeof small, &copied));
  napi_create_object(env, &obj);
  napi_create_uint32(env, (uint32_t)len, &v);
  napi_set_named_property(env, obj, "utf8Length", v);
  napi_set_named_property(env, obj, "truncated", str(env, small));
  napi_create_uint32(env, (uint32_t)copied, &v);
  napi_set_named_property(env, obj, "copied", v);
  CHECK(napi_get_value_string_utf16(env, argv[0], units, 64, &copied));
  CHECK(napi_create_string_utf16(env, units, copied, &v));
  napi_set_named_property(env, obj, "utf16RoundTrip", v);
  CHECK(napi_create_string_latin1(env, "caf\xe9", NAPI_AUTO_LENGTH, &v));
  napi_set_named_property(env, obj, "latin1", v);
  return obj;
}

static napi_value bigints(napi_env env, napi_callback_info info) {
  size_t argc = 1, count = 4;
  napi_value argv[1], out;
  uint64_t words[4];
  int sign;
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_bigint_words(env, argv[0], &sign, &count, words));
  if (count > 0) words[0] += 1;
  CHECK(napi_create_bigint_words(env, sign, count, words, &out));
  return out;
}

static napi_value make_symbol(napi_env env, napi_callback_info info) {
  napi_value s;
  CHECK(napi_create_symbol(env, str(env, "addon"), &s));
  return s;
}

/* ----- objects ----- */

static napi_value getter_cb(napi_env env, napi_callback_info info) {
  void *data;
  napi_get_cb_info(env, info, NULL, NULL, NULL, &data);
  return str(env, (const char *)data);
}

static napi_value objects(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], obj, keys, v, key;
  _Bool has, deleted, eq;
  args_of(env, info, &argc, argv);
  CHECK(napi_create_object(env, &obj));
  napi_property_descriptor props[] = {
      {"visible", NULL, NULL, NULL, NULL, str(env, "yes"), napi_enumerable | napi_writable, NULL},
      {"hidden", NULL, NULL, NULL, NULL, str(env, "no"), 0, NULL},
      {"computed", NULL, NULL, getter_cb, NULL, NULL, napi_enumerable, (void *)"from getter"},
  };
  CHECK(napi_define_properties(env, obj, 3, props));
  CHECK(napi_get_property_names(env, argv[0], &keys));
  napi_set_named_property(env, obj, "inputKeys", keys);
  key = str(env, "a");
  CHECK(napi_has_own_property(env, argv[0], key, &has));
  CHECK(napi_delete_property(env, argv[0], key, &deleted));
  napi_get_boolean(env, has && deleted, &v);
  napi_set_named_property(env, obj, "deletedA", v);
  CHECK(napi_get_named_property(env, argv[0], "b", &v));
  CHECK(napi_strict_equals(env, v, argv[0], &eq));
  napi_set_named_property(env, obj, "b", v);
  CHECK(napi_object_freeze(env, obj));
  return obj;
}

static const napi_type_tag TAG_A = {0x1234567890abcdefULL, 0xfedcba0987654321ULL};
static const napi_type_tag TAG_B = {1, 2};

static napi_value tags(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], arr, v;
  _Bool a, b;
  napi_status again;
  args_of(env, info, &argc, argv);
  CHECK(napi_type_tag_object(env, argv[0], &TAG_A));
  again = napi_type_tag_object(env, argv[0], &TAG_A);
  CHECK(napi_check_object_type_tag(env, argv[0], &TAG_A, &a));
  CHECK(napi_check_object_type_tag(env, argv[0], &TAG_B, &b));
  napi_create_array_with_length(env, 3, &arr);
  napi_get_boolean(env, a, &v);
  napi_set_element(env, arr, 0, v);
  napi_get_boolean(env, b, &v);
  napi_set_element(env, arr, 1, v);
  napi_create_int32(env, again, &v);
  napi_set_element(env, arr, 2, v);
  return arr;
}

/* ----- functions ----- */

static napi_value call_with(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3], out;
  args_of(env, info, &argc, argv);
  /* fn.call(thisArg, value) */
  CHECK(napi_call_function(env, argv[1], argv[0], 1, &argv[2], &out));
  return out;
}

static napi_value multiplier(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  void *data;
  double x;
  napi_get_cb_info(env, info, &argc, argv, NULL, &data);
  CHECK(napi_get_value_double(env, argv[0], &x));
  CHECK(napi_create_double(env, x * (double)(intptr_t)data, &out));
  return out;
}

static napi_value make_multiplier(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], fn;
  int32_t factor;
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_int32(env, argv[0], &factor));
  CHECK(napi_create_function(env, "times", NAPI_AUTO_LENGTH, multiplier, (void *)(intptr_t)factor, &fn));
  return fn;
}

static napi_value construct(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], out;
  args_of(env, info, &argc, argv);
  CHECK(napi_new_instance(env, argv[0], 1, &argv[1], &out));
  return out;
}

/* ----- a class with a wrapped native counter ----- */

typedef struct {
  int64_t count;
  char label[32];
} Counter;

static int finalized_counters = 0;

static void counter_finalize(napi_env env, void *data, void *hint) {
  free(data);
  finalized_counters++;
}

static napi_value counter_new(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], self, target;
  Counter *c;
  self = args_of(env, info, &argc, argv);
  CHECK(napi_get_new_target(env, info, &target));
  if (target == NULL) {
    napi_throw_type_error(env, "ERR_NOT_NEW", "Counter must be called with new");
    return NULL;
  }
  c = calloc(1, sizeof *c);
  if (argc > 0) CHECK(napi_get_value_int64(env, argv[0], &c->count));
  strcpy(c->label, "counter");
  CHECK(napi_wrap(env, self, c, counter_finalize, NULL, NULL));
  return self;
}

static Counter *counter_of(napi_env env, napi_callback_info info, size_t *argc, napi_value *argv) {
  napi_value self = args_of(env, info, argc, argv);
  void *c = NULL;
  if (napi_unwrap(env, self, &c) != 0) {
    napi_throw_type_error(env, NULL, "not a Counter");
    return NULL;
  }
  return c;
}

static napi_value counter_increment(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], out;
  int64_t by = 1;
  Counter *c = counter_of(env, info, &argc, argv);
  if (!c) return NULL;
  if (argc > 0) CHECK(napi_get_value_int64(env, argv[0], &by));
  c->count += by;
  napi_create_int64(env, c->count, &out);
  return out;
}

static napi_value counter_value(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value out;
  Counter *c = counter_of(env, info, &argc, NULL);
  if (!c) return NULL;
  napi_create_int64(env, c->count, &out);
  return out;
}

static napi_value counter_set_value(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  Counter *c = counter_of(env, info, &argc, argv);
  if (!c) return NULL;
  CHECK(napi_get_value_int64(env, argv[0], &c->count));
  return NULL;
}

static napi_value counter_unwrap(napi_env env, napi_callback_info info) {
  size_t argc = 0;
  napi_value self = args_of(env, info, &argc, NULL), out;
  void *c;
  CHECK(napi_remove_wrap(env, self, &c));
  free(c);
  napi_get_boolean(env, napi_unwrap(env, self, &c) != 0, &out);
  return out;
}

static napi_value counter_kind(napi_env env, napi_callback_info info) {
  return str(env, "Counter class");
}

static napi_value finalized_count(napi_env env, napi_callback_info info) {
  napi_value v;
  napi_create_int32(env, finalized_counters, &v);
  return v;
}

/* ----- errors ----- */

static napi_value throw_kind(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], err;
  char kind[16];
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_string_utf8(env, argv[0], kind, sizeof kind, NULL));
  if (!strcmp(kind, "error")) napi_throw_error(env, "ERR_ADDON", "plain error");
  else if (!strcmp(kind, "type")) napi_throw_type_error(env, NULL, "type error");
  else if (!strcmp(kind, "range")) napi_throw_range_error(env, "ERR_RANGE", "range error");
  else if (!strcmp(kind, "value")) napi_throw(env, str(env, "a thrown string"));
  else {
    CHECK(napi_create_error(env, str(env, "ERR_MADE"), str(env, "made error"), &err));
    return err;
  }
  return NULL;
}

static napi_value catch_call(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result, exc, obj, v;
  _Bool pending, is_error;
  napi_status status;
  const napi_extended_error_info *einfo;
  args_of(env, info, &argc, argv);
  napi_get_undefined(env, &v);
  status = napi_call_function(env, v, argv[0], 0, NULL, &result);
  napi_get_last_error_info(env, &einfo);
  napi_create_object(env, &obj);
  /* While an exception is pending, calls that may run JS are refused. */
  napi_is_exception_pending(env, &pending);
  napi_get_boolean(env, pending, &v);
  napi_get_and_clear_last_exception(env, &exc);
  napi_set_named_property(env, obj, "pending", v);
  napi_create_int32(env, status, &v);
  napi_set_named_property(env, obj, "status", v);
  napi_set_named_property(env, obj, "exception", exc);
  napi_is_error(env, exc, &is_error);
  napi_get_boolean(env, is_error, &v);
  napi_set_named_property(env, obj, "isError", v);
  return obj;
}

static napi_value bad_args(napi_env env, napi_callback_info info) {
  napi_value obj, v, s;
  int32_t i;
  const napi_extended_error_info *einfo;
  napi_create_object(env, &obj);
  napi_status status;
  s = str(env, "not a number");
  status = napi_get_value_int32(env, s, &i);
  napi_get_last_error_info(env, &einfo);
  napi_set_named_property(env, obj, "message", str(env, einfo->error_message));
  napi_create_int32(env, status, &v);
  napi_set_named_property(env, obj, "int32OfString", v);
  napi_create_int32(env, napi_create_object(env, NULL), &v);
  napi_set_named_property(env, obj, "nullResult", v);
  return obj;
}

/* ----- binary data ----- */

static void free_external(napi_env env, void *data, void *hint) { free(data); }

static napi_value buffers(napi_env env, napi_callback_info info) {
  size_t argc = 1, len;
  napi_value argv[1], obj, buf, copy, ext, ab, ta, dv, v;
  void *data;
  char *raw;
  _Bool is_buf;
  int kind;
  size_t ta_len, offset;
  args_of(env, info, &argc, argv);
  napi_create_object(env, &obj);
  CHECK(napi_create_buffer(env, 4, &data, &buf));
  memcpy(data, "abcd", 4);
  napi_set_named_property(env, obj, "created", buf);
  CHECK(napi_create_buffer_copy(env, 5, "hello", NULL, &copy));
  napi_set_named_property(env, obj, "copy", copy);
  raw = malloc(3);
  memcpy(raw, "xyz", 3);
  CHECK(napi_create_external_buffer(env, 3, raw, free_external, NULL, &ext));
  napi_set_named_property(env, obj, "external", ext);
  CHECK(napi_get_buffer_info(env, argv[0], &data, &len));
  CHECK(napi_is_buffer(env, argv[0], &is_buf));
  for (size_t i = 0; i < len; i++) ((unsigned char *)data)[i] ^= 0x20;
  napi_get_boolean(env, is_buf, &v);
  napi_set_named_property(env, obj, "inputIsBuffer", v);
  CHECK(napi_create_arraybuffer(env, 16, &data, &ab));
  for (int i = 0; i < 16; i++) ((unsigned char *)data)[i] = (unsigned char)i;
  CHECK(napi_create_typedarray(env, 5 /* int32 */, 2, ab, 4, &ta));
  napi_set_named_property(env, obj, "int32s", ta);
  CHECK(napi_get_typedarray_info(env, ta, &kind, &ta_len, NULL, NULL, &offset));
  napi_create_uint32(env, (uint32_t)(kind * 100 + ta_len * 10 + offset), &v);
  napi_set_named_property(env, obj, "typedInfo", v);
  CHECK(napi_create_dataview(env, 4, ab, 8, &dv));
  napi_set_named_property(env, obj, "view", dv);
  if (napi_create_typedarray(env, 5, 2, ab, 3, &ta) != 0) {
    napi_value exc;
    napi_get_and_clear_last_exception(env, &exc);
    napi_set_named_property(env, obj, "misaligned", exc);
  }
  return obj;
}

/* ----- promises, async work, thread-safe functions ----- */

static napi_value promise_now(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], promise;
  napi_deferred d;
  _Bool ok;
  args_of(env, info, &argc, argv);
  CHECK(napi_create_promise(env, &d, &promise));
  CHECK(napi_get_value_bool(env, argv[0], &ok));
  if (ok) napi_resolve_deferred(env, d, argv[1]);
  else napi_reject_deferred(env, d, argv[1]);
  return promise;
}

typedef struct {
  napi_async_work work;
  napi_deferred deferred;
  uint64_t n, result;
} SumJob;

static void sum_execute(napi_env env, void *data) {
  SumJob *job = data;
  uint64_t total = 0;
  for (uint64_t i = 1; i <= job->n; i++) total += i;
  job->result = total;
}

static void sum_complete(napi_env env, napi_status status, void *data) {
  SumJob *job = data;
  napi_value v;
  napi_create_int64(env, (int64_t)job->result, &v);
  napi_resolve_deferred(env, job->deferred, v);
  napi_delete_async_work(env, job->work);
  free(job);
}

static napi_value sum_async(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], promise;
  int64_t n;
  SumJob *job = calloc(1, sizeof *job);
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_int64(env, argv[0], &n));
  job->n = (uint64_t)n;
  CHECK(napi_create_promise(env, &job->deferred, &promise));
  CHECK(napi_create_async_work(env, NULL, str(env, "sum"), sum_execute, sum_complete, job, &job->work));
  CHECK(napi_queue_async_work(env, job->work));
  return promise;
}

typedef struct {
  napi_threadsafe_function tsfn;
  pthread_t thread;
  int count;
} Ticker;

static void tick_call_js(napi_env env, napi_value js_cb, void *context, void *data) {
  napi_value arg, undefined;
  if (env == NULL) {
    free(data);
    return;
  }
  napi_create_int32(env, *(int *)data, &arg);
  napi_get_undefined(env, &undefined);
  napi_call_function(env, undefined, js_cb, 1, &arg, NULL);
  free(data);
}

static void *tick_thread(void *arg) {
  Ticker *t = arg;
  for (int i = 1; i <= t->count; i++) {
    int *n = malloc(sizeof *n);
    *n = i;
    napi_call_threadsafe_function(t->tsfn, n, 1);
  }
  napi_release_threadsafe_function(t->tsfn, 0);
  return NULL;
}

static void tick_finalize(napi_env env, void *data, void *context) {
  Ticker *t = data;
  napi_value global, done, undefined;
  pthread_join(t->thread, NULL);
  free(t);
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "tickerDone", &done);
  napi_get_undefined(env, &undefined);
  napi_call_function(env, undefined, done, 0, NULL, NULL);
}

static napi_value start_ticker(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  Ticker *t = calloc(1, sizeof *t);
  args_of(env, info, &argc, argv);
  CHECK(napi_get_value_int32(env, argv[0], &t->count));
  CHECK(napi_create_threadsafe_function(env, argv[1], NULL, str(env, "ticker"), 2, 1, t, tick_finalize, NULL,
                                        tick_call_js, &t->tsfn));
  pthread_create(&t->thread, NULL, tick_thread, t);
  return NULL;
}

/* ----- misc ----- */

static napi_value misc(napi_env env, napi_callback_info info) {
  napi_value obj, v, script, date, promise;
  uint32_t version;
  double time;
  int64_t adjusted;
  void *data;
  _Bool is_promise;
  napi_deferred d;
  napi_handle_scope hs;
  napi_escapable_handle_scope es;
  napi_value inner, escaped;
  napi_create_object(env, &obj);
  CHECK(napi_get_version(env, &version));
  napi_get_boolean(env, version >= 8, &v);
  napi_set_named_property(env, obj, "versionAtLeast8", v);
  CHECK(napi_run_script(env, str(env, "[1, 2, 3].map((x) => x * 2).join('-')"), &script));
  napi_set_named_property(env, obj, "script", script);
  CHECK(napi_create_date(env, 86400000.0, &date));
  CHECK(napi_get_date_value(env, date, &time));
  napi_set_named_property(env, obj, "date", date);
  CHECK(napi_adjust_external_memory(env, 1024, &adjusted));
  CHECK(napi_adjust_external_memory(env, -1024, &adjusted));
  CHECK(napi_get_instance_data(env, &data));
  napi_set_named_property(env, obj, "instanceData", str(env, data ? (const char *)data : "none"));
  CHECK(napi_create_promise(env, &d, &promise));
  CHECK(napi_is_promise(env, promise, &is_promise));
  napi_resolve_deferred(env, d, promise == NULL ? obj : str(env, "settled"));
  napi_get_boolean(env, is_promise, &v);
  napi_set_named_property(env, obj, "isPromise", v);
  CHECK(napi_open_handle_scope(env, &hs));
  napi_create_int32(env, 7, &inner);
  CHECK(napi_close_handle_scope(env, hs));
  CHECK(napi_open_escapable_handle_scope(env, &es));
  napi_create_string_utf8(env, "escaped", NAPI_AUTO_LENGTH, &inner);
  CHECK(napi_escape_handle(env, es, inner, &escaped));
  napi_create_int32(env, napi_escape_handle(env, es, inner, &escaped), &v);
  napi_set_named_property(env, obj, "escapeTwice", v);
  CHECK(napi_close_escapable_handle_scope(env, es));
  napi_set_named_property(env, obj, "escaped", escaped);
  return obj;
}

static napi_value references(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], got, arr, v;
  napi_ref ref;
  uint32_t count1, count2;
  args_of(env, info, &argc, argv);
  CHECK(napi_create_reference(env, argv[0], 1, &ref));
  CHECK(napi_reference_ref(env, ref, &count1));
  CHECK(napi_reference_unref(env, ref, &count2));
  CHECK(napi_get_reference_value(env, ref, &got));
  CHECK(napi_delete_reference(env, ref));
  napi_create_array_with_length(env, 3, &arr);
  napi_create_uint32(env, count1, &v);
  napi_set_element(env, arr, 0, v);
  napi_create_uint32(env, count2, &v);
  napi_set_element(env, arr, 1, v);
  napi_set_element(env, arr, 2, got);
  return arr;
}


/* ----- exceptions from callbacks the loop makes ----- */

typedef struct {
  napi_async_work work;
  napi_ref fn;
} Later;

static void later_execute(napi_env env, void *data) {}

static void later_complete(napi_env env, napi_status status, void *data) {
  Later *l = data;
  napi_value fn, undefined;
  napi_get_reference_value(env, l->fn, &fn);
  napi_get_undefined(env, &undefined);
  napi_call_function(env, undefined, fn, 0, NULL, NULL);
  napi_delete_reference(env, l->fn);
  napi_delete_async_work(env, l->work);
  free(l);
}

static napi_value call_later(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  Later *l = calloc(1, sizeof *l);
  args_of(env, info, &argc, argv);
  CHECK(napi_create_reference(env, argv[0], 1, &l->fn));
  CHECK(napi_create_async_work(env, NULL, str(env, "later"), later_execute, later_complete, l, &l->work));
  CHECK(napi_queue_async_work(env, l->work));
  return NULL;
}

static void cleanup_hook(void *arg) { fprintf(stdout, "cleanup hook: %s\n", (const char *)arg); fflush(stdout); }

napi_value napi_register_module_v1(napi_env env, napi_value exports) {
  napi_value cls, fn;
  napi_property_descriptor counter_props[] = {
      {"increment", NULL, counter_increment, NULL, NULL, NULL, napi_writable | napi_configurable, NULL},
      {"value", NULL, NULL, counter_value, counter_set_value, NULL, napi_enumerable | napi_configurable, NULL},
      {"unwrap", NULL, counter_unwrap, NULL, NULL, NULL, napi_writable | napi_configurable, NULL},
      {"kind", NULL, counter_kind, NULL, NULL, NULL, napi_static, NULL},
  };
  struct {
    const char *name;
    napi_callback cb;
  } fns[] = {
      {"add", add},           {"numbers", numbers},       {"typeOf", type_of},
      {"strings", strings},   {"bigints", bigints},       {"makeSymbol", make_symbol},
      {"objects", objects},   {"tags", tags},             {"callWith", call_with},
      {"makeMultiplier", make_multiplier},                {"construct", construct},
      {"throwKind", throw_kind},                          {"catchCall", catch_call},
      {"badArgs", bad_args},  {"buffers", buffers},       {"promiseNow", promise_now},
      {"sumAsync", sum_async},                            {"startTicker", start_ticker},
      {"misc", misc},         {"references", references}, {"finalizedCounters", finalized_count},
      {"callLater", call_later},
  };
  for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
    if (napi_create_function(env, fns[i].name, NAPI_AUTO_LENGTH, fns[i].cb, NULL, &fn) != 0) return NULL;
    napi_set_named_property(env, exports, fns[i].name, fn);
  }
  if (napi_define_class(env, "Counter", NAPI_AUTO_LENGTH, counter_new, NULL, 4, counter_props, &cls) != 0) return NULL;
  napi_set_named_property(env, exports, "Counter", cls);
  napi_set_instance_data(env, "instance data", NULL, NULL);
  napi_add_env_cleanup_hook(env, cleanup_hook, "bye");
  return exports;
}
