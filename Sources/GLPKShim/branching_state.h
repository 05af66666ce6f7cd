// branching_state.h: the brancher's state, shared by branching.c (pseudocosts and the choice)
// and branching_shadow.c (the shadow problem and the trials). Internal to GLPKShim.
#ifndef GLPK_SHIM_BRANCHING_STATE_H
#define GLPK_SHIM_BRANCHING_STATE_H

#include "branching.h"

enum { DOWN = 0, UP = 1 };  // a branch's side, indexing the pseudocosts

struct shim_brancher {
    int n, lookahead;
    int *count[2];               // per side (DOWN, UP), 1-based as GLPK's: 0 means uninitialised
    double *sum[2];              // sums of degradations per unit of change, per side
    glp_prob *shadow;            // the node's problem without its coldest columns: trials run there
    int *column_of;              // the shadow's column of each of the node's (0: left out), 1-based
    int *source;                 // the node's column of each of the shadow's, 1-based
    int kept;                    // the shadow's columns
    int *row_stat, *col_stat;    // the node's basis: rows, and the shadow's columns (1-based)
    int *cind;                   // scratch for a column's entries, row_capacity slots
    double *cval;
    int row_capacity;
    int *ind;                    // scratch, 1-based, n + 1
    double *val;
    int *cand;                   // candidates, and their order
    double *promise;
    double *reduced;             // scratch: reduced costs
    long trials;
    long retries;                // trials tried again on the whole node
    long stop_after_trials;      // tests: ask the search to stop after this many (0: never)
    int fault_in_trial;          // tests: a GLPK fault in a trial, once the shadow exists
};

/// Builds the shadow for the node (replacing the previous node's); 0 when out of memory.
int shim_shadow_sync(shim_brancher *b, glp_tree *T);

/// Installs the node's basis in the shadow and computes its solution, for its tableau rows;
/// 0 when GLPK refuses the basis or finds it not dual feasible.
int shim_shadow_warm(shim_brancher *b);

/// The objective's degradation when column j of the node's problem P is fixed at `value`,
/// tried on the shadow (DBL_MAX when the branch is infeasible, 0 when nothing can be said).
double shim_shadow_degradation(shim_brancher *b, glp_prob *P, int j, double value);

#endif
