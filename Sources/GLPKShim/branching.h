// branching.h: pseudocost branching for the branch-and-cut callback (internal to GLPKShim).
//
// The rule is GLPK's (`GLP_BR_PCH`, glpios09.c): pseudocosts learnt from the children, an
// uninitialised one initialised by trying the branch with at most 30 dual simplex iterations,
// and the search goes on from the branch that degrades less. Three things differ:
// - a candidate's score is the product of its estimated down and up degradations (SCIP's), not
//   the larger of them (fewer nodes: national 5,000 35 -> 19, seed 2 43 -> 21);
// - GLPK copies the whole problem (glp_copy_prob) for every branch it tries; here the branches
//   of a node are tried on one shadow problem built for it: the node's rows (cuts included),
//   bounds and basis, without the 80% of columns at zero with the largest reduced costs (a
//   trial is mostly the simplex call's set-up, which grows with the problem's size);
// - GLPK initialises every fractional candidate; here, as in reliability branching, candidates
//   are tried in order of promise (Driebeck and Tomlin's one-pivot bound from the node's tableau,
//   GLPK's branch_drtom) and trying stops after `lookahead` in a row that do not beat the best
//   (0: try them all, in GLPK's order of columns, as GLPK does).
// The choice of branch never affects what is proven, only how fast: every node is still solved
// by GLPK, and every branch is explored or pruned by GLPK's own bound. Without its coldest
// columns a trial is an estimate rather than GLPK's bound; a branch the shadow finds infeasible
// is tried again on a copy of the whole node. Columns are the problem's own: glp_intopt runs
// without its presolver.
#ifndef GLPK_SHIM_BRANCHING_H
#define GLPK_SHIM_BRANCHING_H

#include <glpk.h>
#include <stdatomic.h>

typedef struct shim_brancher shim_brancher;

/// A brancher for a problem of `n` columns; NULL when out of memory.
shim_brancher *shim_brancher_create(int n, int lookahead);

/// Frees the brancher; its shadow problem must have been dropped (shim_brancher_drop_shadow).
void shim_brancher_free(shim_brancher *b);

/// Deletes the shadow problem (`delete` non-zero), or forgets it after a GLPK fault, when
/// glp_free_env has freed it already (`delete` zero).
void shim_brancher_drop_shadow(shim_brancher *b, int delete);

/// Bytes of application data each node needs (glp_iocp.cb_size).
int shim_brancher_node_size(void);

/// At GLP_IBRANCH: learns from the node's relaxation, chooses the column and the branch to
/// explore first, and branches (glp_ios_branch_upon). Returns early, without branching, when
/// `stop` is set; the caller then terminates the search.
void shim_brancher_branch(shim_brancher *b, glp_tree *T, atomic_int *stop);

/// Tests only: ask the search to stop once `stop_after_trials` branches are tried (0: never);
/// `fault_in_trial` non-zero: a GLPK fault in the first trial, once the shadow exists.
void shim_brancher_test_hooks(shim_brancher *b, long stop_after_trials, int fault_in_trial);

/// Trials the shadow found infeasible, tried again on a copy of the whole node.
long shim_brancher_retries(const shim_brancher *b);

/// Branches tried so far (each a dual simplex of at most 30 iterations).
long shim_brancher_trials(const shim_brancher *b);

#endif
