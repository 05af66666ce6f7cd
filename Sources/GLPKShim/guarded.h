// guarded.h: the shim's fault guard for its other files (internal to GLPKShim).
#ifndef GLPK_SHIM_GUARDED_H
#define GLPK_SHIM_GUARDED_H

/// Runs `body(context)` with GLPK's error hook installed, as every function of glpk_shim.h does:
/// SHIM_OK, or SHIM_FAULT after a GLPK fault (the thread's environment freed, the message in
/// glpk_shim_last_error()). `body` is C only.
int shim_guarded_call(void (*body)(void *context), void *context);

/// Whether GLPK's log goes to stderr on this thread (`plan solve --verbose`).
int shim_is_verbose(void);

#endif
