// glpk_shim: every GLPK call that can fail, behind setjmp/longjmp, and the branch-and-cut callback.
//
// GLPK reports a fatal error (bad index, invalid bounds, internal failure) by calling abort().
// Each function here that returns SHIM_OK/SHIM_FAULT installs glp_error_hook around its GLPK
// calls; on a fatal error the hook jumps back (inside C: no Swift frame is ever crossed), the GLPK
// environment of this thread is freed, and the function returns SHIM_FAULT with the message in
// glpk_shim_last_error().
//
// Rules the Swift side keeps (GLPKSolver asserts them):
// - A problem stays on the thread that created it, and a thread holds one problem at a time:
//   glp_free_env after a fault frees every problem of the thread, so a second live problem would
//   dangle.
// - Every GLPK call that can fail goes through this file. The only GLPK functions Swift calls
//   directly are those that cannot fail on a valid problem pointer (glp_create_prob,
//   glp_delete_prob, glp_get_status, glp_get_obj_val, glp_mip_status, glp_get_dual_stat,
//   glp_init_smcp, glp_init_iocp, glp_free_env); index-taking getters and setters are called
//   here, in bulk, under the hook.
// - The branch-and-cut callback is C (shim_search_callback): the starting point, the lazy rows,
//   the stop flag and the bound live in a glpk_shim_search that Swift fills before the search and
//   reads after it (or, thread-safely, during it).
#ifndef GLPK_SHIM_H
#define GLPK_SHIM_H

#include <glpk.h>

#define SHIM_OK 0
#define SHIM_FAULT (-1)

/// Captures GLPK's terminal output on this thread: forwarded to stderr when `verbose` is non-zero,
/// otherwise kept (the last few kilobytes) for error messages. GLPK never writes to stdout.
void glpk_shim_capture_output(int verbose);

/// Claims this thread for one GLPK problem: returns 1, or 0 when the thread already holds one.
int glpk_shim_claim_thread(void);

/// Gives the thread back after its problem is deleted, and frees the thread's GLPK environment.
void glpk_shim_release_thread(void);

/// The message of the last fault on this thread ("" when none).
const char *glpk_shim_last_error(void);

/// Fills an empty problem: `n` columns (bounds may be +-INFINITY; `integer` non-zero for integer
/// kind; `cost`), the objective constant, `m` rows (bounds may be +-INFINITY) and the matrix in
/// compressed row form: the terms of row i (0-based) are `start[i] ..< start[i+1]` of `index`
/// (0-based column numbers) and `value`. Minimisation.
int glpk_shim_build(glp_prob *P, int n, const double col_lower[], const double col_upper[],
                    const int integer[], const double cost[], double constant,
                    int m, const double row_lower[], const double row_upper[],
                    const int start[], const int index[], const double value[]);

/// Appends `m` rows in the same compressed form as glpk_shim_build.
int glpk_shim_add_rows(glp_prob *P, int m, const double row_lower[], const double row_upper[],
                       const int start[], const int index[], const double value[]);

/// Sets the problem's, columns' and rows' names (0-based arrays of C strings).
int glpk_shim_set_names(glp_prob *P, const char *name, int n, const char *const col_names[], int m,
                        const char *const row_names[]);

/// Installs a basis (0-based arrays of GLP_BS/GLP_NL/GLP_NU/GLP_NF/GLP_NS for the m rows and n
/// columns) and computes its primal and dual values: *warm receives glp_warm_up's return code
/// (0 when the basis is valid), *dual_status glp_get_dual_stat's.
int glpk_shim_warm_start(glp_prob *P, const int row_status[], const int col_status[], int *warm,
                         int *dual_status);

/// Runs the simplex method; GLPK's return code goes to *ret.
int glpk_shim_simplex(glp_prob *P, const glp_smcp *parm, int *ret);

/// Copies the first `n` columns' primal values into `out` (0-based): of the LP (`mip` zero) or
/// of the integer solution (`mip` non-zero).
int glpk_shim_column_values(glp_prob *P, int n, int mip, double out[]);

/// Copies the first `m` rows' activities into `out` (0-based), of the LP.
int glpk_shim_row_values(glp_prob *P, int m, double out[]);

/// Copies the first `m` rows' dual values into `out` (0-based), of the LP's current basis.
int glpk_shim_row_duals(glp_prob *P, int m, double out[]);

/// Copies the first `n` columns' basis statuses (GLP_BS, GLP_NL…) into `out` (0-based).
int glpk_shim_column_statuses(glp_prob *P, int n, int out[]);

/// Sets the bounds of `count` columns (0-based `index`); infinite bounds mean none.
int glpk_shim_set_column_bounds(glp_prob *P, int count, const int index[], const double lower[],
                                const double upper[]);

/// State shared with the branch-and-cut callback. Created and filled by Swift before the search.
typedef struct glpk_shim_search glpk_shim_search;

/// A search over `n` columns, starting (when `start` is not NULL) from the point `start`
/// (0-based, copied), with `lazy_count` lazy rows in compressed form (copied): rows every
/// integer point keeps anyway, added as cuts where the relaxation breaks them.
glpk_shim_search *glpk_shim_search_create(int n, const double start[], int lazy_count,
                                          const double lazy_lower[], const double lazy_upper[],
                                          const int lazy_start[], const int lazy_index[],
                                          const double lazy_value[]);
void glpk_shim_search_free(glpk_shim_search *search);

/// Tests only: the callback's next call makes a GLPK call fail (a fault raised inside
/// glp_intopt's callback must come back as SHIM_FAULT, never cross a Swift frame).
void glpk_shim_search_fault_in_callback(glpk_shim_search *search);

/// Branches with pseudocosts of the shim's own (branching.h) instead of GLPK's: GLPK's rule
/// with SCIP's product score, its branches tried on a smaller shadow problem built for each node
/// rather than a whole copy each, and trying stopped after `lookahead` candidates in a row that
/// do not beat the best (0: never). The shadow (and, now and then, a copy of the node) is a
/// further GLPK problem on the thread while glp_intopt runs; a fault frees them all. Returns 0
/// when out of memory.
int glpk_shim_search_branch_on_pseudocosts(glpk_shim_search *search, int lookahead);

/// How many branches the shim's brancher has tried (each a dual simplex of at most 30 iterations).
long glpk_shim_search_branches_tried(glpk_shim_search *search);

/// Tests only: with the shim's brancher, ask the search to stop once `stop_after_trials` branches
/// are tried (0: never); `fault_in_trial` non-zero: a GLPK fault in a trial on the shadow problem.
void glpk_shim_search_test_branching(glpk_shim_search *search, long stop_after_trials, int fault_in_trial);

/// Tests: branches the shim's brancher found infeasible without its coldest columns and tried
/// again on a copy of the whole node.
long glpk_shim_search_branch_retries(glpk_shim_search *search);

/// Asks the search to stop at the callback's next call (any thread; async-signal-safe).
void glpk_shim_search_request_stop(glpk_shim_search *search);

/// What the search knows now (any thread): the best integer objective (when *has_incumbent is
/// non-zero), the best bound of the active nodes (or -INFINITY), how many lazy rows were added
/// as cuts, and how many subproblems (nodes) branch-and-cut has created.
void glpk_shim_search_snapshot(glpk_shim_search *search, int *has_incumbent, double *incumbent,
                               double *bound, long *lazy_cuts, long *nodes);

/// Runs branch-and-cut with the callback; GLPK's return code goes to *ret. `parm`'s cb_func and
/// cb_info are set here.
int glpk_shim_intopt(glp_prob *P, glp_iocp *parm, glpk_shim_search *search, int *ret);

/// Writes the problem in free MPS (format 0) or CPLEX LP (format 1) format.
int glpk_shim_write(glp_prob *P, int format, const char *path, int *ret);

/// Calls glp_error on purpose (tests use it to check that a fault becomes an error, not an abort).
int glpk_shim_provoke_fault(void);

/// Tests only: makes a GLPK call fail under the hook (1: glp_set_col_bnds on a column out of
/// range, 2: glp_add_rows(-1)), to check that each fault comes back as SHIM_FAULT.
int glpk_shim_provoke(glp_prob *P, int call);

#endif
