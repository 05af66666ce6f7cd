// glpk_shim: the GLPK calls that can fail, behind setjmp/longjmp.
//
// GLPK reports a fatal error (bad index, invalid bounds, internal failure) by calling abort().
// Each function here installs glp_error_hook around one GLPK call; on a fatal error the hook
// jumps back, the GLPK environment of this thread is freed (every problem of this thread is
// then gone), and the function returns SHIM_FAULT with the message in glpk_shim_last_error().
// Each problem must stay on the thread that created it.
#ifndef GLPK_SHIM_H
#define GLPK_SHIM_H

#include <glpk.h>

#define SHIM_OK 0
#define SHIM_FAULT (-1)

/// Captures GLPK's terminal output on this thread: forwarded to stderr when `verbose` is non-zero,
/// otherwise kept (the last few kilobytes) for error messages. GLPK never writes to stdout.
void glpk_shim_capture_output(int verbose);

/// The message of the last fault on this thread ("" when none).
const char *glpk_shim_last_error(void);

/// Loads the constraint matrix (1-based arrays of `ne` entries).
int glpk_shim_load_matrix(glp_prob *P, int ne, const int ia[], const int ja[], const double ar[]);

/// Runs the simplex method; GLPK's return code goes to *ret.
int glpk_shim_simplex(glp_prob *P, const glp_smcp *parm, int *ret);

/// Runs branch-and-cut; GLPK's return code goes to *ret.
int glpk_shim_intopt(glp_prob *P, const glp_iocp *parm, int *ret);

/// Writes the problem in free MPS (format 0) or CPLEX LP (format 1) format.
int glpk_shim_write(glp_prob *P, int format, const char *path, int *ret);

/// Calls glp_error on purpose (tests use it to check that a fault becomes an error, not an abort).
int glpk_shim_provoke_fault(void);

#endif
