/* Node-API declarations for the test addons in this directory, written from the Node-API
 * documentation (no Node header is needed to build them: only a C compiler). */
#ifndef EDDY_TEST_NODE_API_DECLS_H
#define EDDY_TEST_NODE_API_DECLS_H
#include <stddef.h>
#include <stdint.h>

typedef struct napi_env__ *napi_env;
typedef struct napi_value__ *napi_value;
typedef struct napi_ref__ *napi_ref;
typedef struct napi_callback_info__ *napi_callback_info;
typedef struct napi_deferred__ *napi_deferred;
typedef struct napi_async_work__ *napi_async_work;
typedef struct napi_threadsafe_function__ *napi_threadsafe_function;
typedef struct napi_handle_scope__ *napi_handle_scope;
typedef struct napi_escapable_handle_scope__ *napi_escapable_handle_scope;
typedef int napi_status;
typedef napi_value (*napi_callback)(napi_env, napi_callback_info);
typedef void (*napi_finalize)(napi_env, void *, void *);
typedef void (*napi_async_execute_callback)(napi_env, void *);
typedef void (*napi_async_complete_callback)(napi_env, napi_status, void *);
typedef void (*napi_threadsafe_function_call_js)(napi_env, napi_value, void *, void *);
typedef struct {
  const char *utf8name;
  napi_value name;
  napi_callback method, getter, setter;
  napi_value value;
  int attributes;
  void *data;
} napi_property_descriptor;
typedef struct {
  const char *error_message;
  void *engine_reserved;
  uint32_t engine_error_code;
  napi_status error_code;
} napi_extended_error_info;
typedef struct {
  uint64_t lower, upper;
} napi_type_tag;

#define NAPI_AUTO_LENGTH ((size_t)-1)
#define napi_writable 1
#define napi_enumerable 2
#define napi_configurable 4
#define napi_static 1024

napi_status napi_get_undefined(napi_env, napi_value *);
napi_status napi_get_null(napi_env, napi_value *);
napi_status napi_get_global(napi_env, napi_value *);
napi_status napi_get_boolean(napi_env, int, napi_value *);
napi_status napi_create_int32(napi_env, int32_t, napi_value *);
napi_status napi_create_uint32(napi_env, uint32_t, napi_value *);
napi_status napi_create_int64(napi_env, int64_t, napi_value *);
napi_status napi_create_double(napi_env, double, napi_value *);
napi_status napi_create_bigint_int64(napi_env, int64_t, napi_value *);
napi_status napi_create_bigint_words(napi_env, int, size_t, const uint64_t *, napi_value *);
napi_status napi_get_value_bigint_words(napi_env, napi_value, int *, size_t *, uint64_t *);
napi_status napi_get_value_int32(napi_env, napi_value, int32_t *);
napi_status napi_get_value_uint32(napi_env, napi_value, uint32_t *);
napi_status napi_get_value_int64(napi_env, napi_value, int64_t *);
napi_status napi_get_value_double(napi_env, napi_value, double *);
napi_status napi_get_value_bool(napi_env, napi_value, _Bool *);
napi_status napi_create_string_utf8(napi_env, const char *, size_t, napi_value *);
napi_status napi_create_string_latin1(napi_env, const char *, size_t, napi_value *);
napi_status napi_create_string_utf16(napi_env, const uint16_t *, size_t, napi_value *);
napi_status napi_get_value_string_utf8(napi_env, napi_value, char *, size_t, size_t *);
napi_status napi_get_value_string_utf16(napi_env, napi_value, uint16_t *, size_t, size_t *);
napi_status napi_create_symbol(napi_env, napi_value, napi_value *);
napi_status napi_typeof(napi_env, napi_value, int *);
napi_status napi_create_object(napi_env, napi_value *);
napi_status napi_create_array_with_length(napi_env, size_t, napi_value *);
napi_status napi_get_array_length(napi_env, napi_value, uint32_t *);
napi_status napi_set_element(napi_env, napi_value, uint32_t, napi_value);
napi_status napi_get_element(napi_env, napi_value, uint32_t, napi_value *);
napi_status napi_set_property(napi_env, napi_value, napi_value, napi_value);
napi_status napi_get_property(napi_env, napi_value, napi_value, napi_value *);
napi_status napi_has_own_property(napi_env, napi_value, napi_value, _Bool *);
napi_status napi_delete_property(napi_env, napi_value, napi_value, _Bool *);
napi_status napi_set_named_property(napi_env, napi_value, const char *, napi_value);
napi_status napi_get_named_property(napi_env, napi_value, const char *, napi_value *);
napi_status napi_get_property_names(napi_env, napi_value, napi_value *);
napi_status napi_define_properties(napi_env, napi_value, size_t, const napi_property_descriptor *);
napi_status napi_object_freeze(napi_env, napi_value);
napi_status napi_strict_equals(napi_env, napi_value, napi_value, _Bool *);
napi_status napi_instanceof(napi_env, napi_value, napi_value, _Bool *);
napi_status napi_type_tag_object(napi_env, napi_value, const napi_type_tag *);
napi_status napi_check_object_type_tag(napi_env, napi_value, const napi_type_tag *, _Bool *);
napi_status napi_create_function(napi_env, const char *, size_t, napi_callback, void *, napi_value *);
napi_status napi_get_cb_info(napi_env, napi_callback_info, size_t *, napi_value *, napi_value *, void **);
napi_status napi_get_new_target(napi_env, napi_callback_info, napi_value *);
napi_status napi_call_function(napi_env, napi_value, napi_value, size_t, const napi_value *, napi_value *);
napi_status napi_new_instance(napi_env, napi_value, size_t, const napi_value *, napi_value *);
napi_status napi_define_class(napi_env, const char *, size_t, napi_callback, void *, size_t,
                              const napi_property_descriptor *, napi_value *);
napi_status napi_wrap(napi_env, napi_value, void *, napi_finalize, void *, napi_ref *);
napi_status napi_unwrap(napi_env, napi_value, void **);
napi_status napi_remove_wrap(napi_env, napi_value, void **);
napi_status napi_create_reference(napi_env, napi_value, uint32_t, napi_ref *);
napi_status napi_delete_reference(napi_env, napi_ref);
napi_status napi_reference_ref(napi_env, napi_ref, uint32_t *);
napi_status napi_reference_unref(napi_env, napi_ref, uint32_t *);
napi_status napi_get_reference_value(napi_env, napi_ref, napi_value *);
napi_status napi_open_handle_scope(napi_env, napi_handle_scope *);
napi_status napi_close_handle_scope(napi_env, napi_handle_scope);
napi_status napi_open_escapable_handle_scope(napi_env, napi_escapable_handle_scope *);
napi_status napi_close_escapable_handle_scope(napi_env, napi_escapable_handle_scope);
napi_status napi_escape_handle(napi_env, napi_escapable_handle_scope, napi_value, napi_value *);
napi_status napi_throw(napi_env, napi_value);
napi_status napi_throw_error(napi_env, const char *, const char *);
napi_status napi_throw_type_error(napi_env, const char *, const char *);
napi_status napi_throw_range_error(napi_env, const char *, const char *);
napi_status napi_create_error(napi_env, napi_value, napi_value, napi_value *);
napi_status napi_is_error(napi_env, napi_value, _Bool *);
napi_status napi_is_exception_pending(napi_env, _Bool *);
napi_status napi_get_and_clear_last_exception(napi_env, napi_value *);
napi_status napi_get_last_error_info(napi_env, const napi_extended_error_info **);
napi_status napi_create_buffer(napi_env, size_t, void **, napi_value *);
napi_status napi_create_buffer_copy(napi_env, size_t, const void *, void **, napi_value *);
napi_status napi_create_external_buffer(napi_env, size_t, void *, napi_finalize, void *, napi_value *);
napi_status napi_get_buffer_info(napi_env, napi_value, void **, size_t *);
napi_status napi_is_buffer(napi_env, napi_value, _Bool *);
napi_status napi_create_arraybuffer(napi_env, size_t, void **, napi_value *);
napi_status napi_create_typedarray(napi_env, int, size_t, napi_value, size_t, napi_value *);
napi_status napi_get_typedarray_info(napi_env, napi_value, int *, size_t *, void **, napi_value *, size_t *);
napi_status napi_create_dataview(napi_env, size_t, napi_value, size_t, napi_value *);
napi_status napi_create_date(napi_env, double, napi_value *);
napi_status napi_get_date_value(napi_env, napi_value, double *);
napi_status napi_create_promise(napi_env, napi_deferred *, napi_value *);
napi_status napi_resolve_deferred(napi_env, napi_deferred, napi_value);
napi_status napi_reject_deferred(napi_env, napi_deferred, napi_value);
napi_status napi_is_promise(napi_env, napi_value, _Bool *);
napi_status napi_run_script(napi_env, napi_value, napi_value *);
napi_status napi_create_async_work(napi_env, napi_value, napi_value, napi_async_execute_callback,
                                   napi_async_complete_callback, void *, napi_async_work *);
napi_status napi_queue_async_work(napi_env, napi_async_work);
napi_status napi_delete_async_work(napi_env, napi_async_work);
napi_status napi_create_threadsafe_function(napi_env, napi_value, napi_value, napi_value, size_t, size_t, void *,
                                            napi_finalize, void *, napi_threadsafe_function_call_js,
                                            napi_threadsafe_function *);
napi_status napi_call_threadsafe_function(napi_threadsafe_function, void *, int);
napi_status napi_release_threadsafe_function(napi_threadsafe_function, int);
napi_status napi_get_version(napi_env, uint32_t *);
napi_status napi_set_instance_data(napi_env, void *, napi_finalize, void *);
napi_status napi_get_instance_data(napi_env, void **);
napi_status napi_add_env_cleanup_hook(napi_env, void (*)(void *), void *);
napi_status napi_adjust_external_memory(napi_env, int64_t, int64_t *);

napi_status napi_create_array(napi_env, napi_value *);
napi_status napi_get_prototype(napi_env, napi_value, napi_value *);
napi_status napi_coerce_to_object(napi_env, napi_value, napi_value *);
napi_status napi_get_value_string_latin1(napi_env, napi_value, char *, size_t, size_t *);
napi_status napi_create_external(napi_env, void *, napi_finalize, void *, napi_value *);
napi_status napi_get_value_external(napi_env, napi_value, void **);
napi_status napi_get_all_property_names(napi_env, napi_value, int, int, int, napi_value *);
napi_status napi_has_property(napi_env, napi_value, napi_value, _Bool *);
napi_status napi_has_element(napi_env, napi_value, uint32_t, _Bool *);
napi_status napi_get_arraybuffer_info(napi_env, napi_value, void **, size_t *);
napi_status napi_get_dataview_info(napi_env, napi_value, size_t *, void **, napi_value *, size_t *);
napi_status napi_object_seal(napi_env, napi_value);
napi_status napi_detach_arraybuffer(napi_env, napi_value);
napi_status napi_get_value_bigint_int64(napi_env, napi_value, int64_t *, _Bool *);
napi_status napi_add_finalizer(napi_env, napi_value, void *, napi_finalize, void *, napi_ref *);

#endif
