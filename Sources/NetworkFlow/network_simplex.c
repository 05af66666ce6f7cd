// network_simplex.c: the primal network simplex declared in network_simplex.h.
//
// What lives here:
//   - validation of the problem (nothing is written to the result before it passes);
//   - the spanning tree: parent/pred arrays, a thread (preorder list), subtree sizes and the
//     last node of each subtree in the thread, the representation LEMON's NetworkSimplex uses,
//     so that the cycle of an entering arc, the subtree to move and the nodes whose potential
//     changes are all found without searching;
//   - block-search pricing, Cunningham's leaving-arc rule, the flow change, the tree update, and
//     the potential update restricted to the subtree that moved.
//
// Every arc and node array is indexed as in the problem; the root is node `nodes`. The caller's
// result arrays serve directly as the flow, potential and state arrays during the solve.
#include "ns_work.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>



// ---------------------------------------------------------------------------------------------
// Validation

// Everything ns_solve promises to reject is checked here, before any allocation or write, so
// that a bad problem costs nothing and leaves the result as it was.
static int valid_problem(const ns_problem *p, const ns_result *r, double *max_abs_cost) {
    if (p == NULL || r == NULL) return 0;
    if (p->nodes < 0 || p->arcs < 0 || p->nodes == INT_MAX) return 0;
    if (r->potential == NULL) return 0;
    if (p->arcs > 0 && (p->tail == NULL || p->head == NULL || p->cost == NULL || p->upper == NULL
                        || r->flow == NULL || r->state == NULL)) return 0;
    if (p->nodes > 0 && (p->supply == NULL || p->root_arc == NULL)) return 0;

    const int root = p->nodes;
    double biggest = 0;
    for (int a = 0; a < p->arcs; a++) {
        if (p->tail[a] < 0 || p->tail[a] > root || p->head[a] < 0 || p->head[a] > root) return 0;
        if (!isfinite(p->cost[a])) return 0;
        if (!(p->upper[a] >= 0)) return 0;              // also rejects NaN
        if (fabs(p->cost[a]) > biggest) biggest = fabs(p->cost[a]);
    }
    for (int i = 0; i < p->nodes; i++) {
        const double s = p->supply[i];
        if (!isfinite(s)) return 0;
        const int a = p->root_arc[i];
        if (a < 0 || a >= p->arcs) return 0;
        // The node's initial flow must fit its root arc, whichever way the arc points.
        if (p->tail[a] == i && p->head[a] == root) {
            if (!(s >= 0 && s <= p->upper[a])) return 0;
        } else if (p->tail[a] == root && p->head[a] == i) {
            if (!(-s >= 0 && -s <= p->upper[a])) return 0;
        } else {
            return 0;
        }
    }
    *max_abs_cost = biggest;
    return 1;
}

// ---------------------------------------------------------------------------------------------
// The initial tree: every node hangs from the root by its root arc.

static void initial_tree(ns_work *w, const ns_problem *p) {
    const int root = w->root;
    for (int a = 0; a < w->arcs; a++) {
        w->flow[a] = 0;
        w->state[a] = -1;
    }
    for (int i = 0; i < w->nodes; i++) {
        const int a = p->root_arc[i];
        const double s = p->supply[i];
        w->parent[i] = root;
        w->pred[i] = a;
        w->state[a] = 0;
        if (w->tail[a] == i) {          // i -> root carries the supply out of i
            w->up[i] = 1;
            w->flow[a] = s + 0.0;       // + 0.0 turns -0.0 into 0.0
            w->pot[i] = w->cost[a];     // rc = cost - pot[i] + pot[root] = 0
        } else {                        // root -> i brings the demand into i
            w->up[i] = 0;
            w->flow[a] = -s + 0.0;
            w->pot[i] = -w->cost[a];    // rc = cost - pot[root] + pot[i] = 0
        }
        w->thread[i] = i + 1;
        w->rev[i + 1] = i;
        w->size[i] = 1;
        w->last[i] = i;
    }
    // Node i's successor i + 1 is the root when i = nodes - 1, which closes the thread.
    w->parent[root] = -1;
    w->pred[root] = -1;
    w->up[root] = 0;
    w->pot[root] = 0;
    w->thread[root] = w->nodes > 0 ? 0 : root;
    w->rev[w->nodes > 0 ? 0 : root] = root;
    w->size[root] = w->nodes + 1;
    w->last[root] = w->nodes > 0 ? w->nodes - 1 : root;
}

// ---------------------------------------------------------------------------------------------
// Pricing

// The most violating arc among arcs [from, to), if it beats *best_violation.
static inline int best_in_range(const ns_work *w, int from, int to, double *best_violation) {
    const int *tail = w->tail, *head = w->head;
    const double *cost = w->cost, *pot = w->pot;
    const signed char *state = w->state;
    double best_v = *best_violation;
    int best = -1;
    for (int a = from; a < to; a++) {
        // state * rc is > 0 exactly when the arc is nonbasic and improving: at lower (-1) with
        // rc < 0, or at upper (+1) with rc > 0. Tree arcs (state 0) give 0.
        const double violation = state[a] * (cost[a] - pot[tail[a]] + pot[head[a]]);
        if (violation > best_v) {
            best_v = violation;
            best = a;
        }
    }
    *best_violation = best_v;
    return best;
}

// Block search: scan the arcs cyclically from where the last search stopped, a block at a time,
// and take the most violating arc of the first block that has one. Returns -1 when no arc
// violates its optimality condition by more than the tolerance (the basis is optimal).
static int find_entering_arc(ns_work *w) {
    const int m = w->arcs;
    int best = -1;
    double best_violation = w->tolerance;
    int a = w->next_arc;
    for (int scanned = 0; scanned < m;) {
        // One block, cut in two where it wraps past the last arc.
        const int len = w->block < m - scanned ? w->block : m - scanned;
        const int end = len < m - a ? a + len : m;
        int found = best_in_range(w, a, end, &best_violation);
        if (found >= 0) best = found;
        if (end - a < len) {
            found = best_in_range(w, 0, len - (end - a), &best_violation);
            if (found >= 0) best = found;
            a = len - (end - a);
        } else {
            a = end == m ? 0 : end;
        }
        scanned += len;
        if (best >= 0) break;
    }
    w->next_arc = a;
    return best;
}

// ---------------------------------------------------------------------------------------------
// One pivot

// Cunningham's rule: of the arcs that limit the push of pivot(), take the last one met when
// walking the cycle in the push direction from the apex `join`. On the way down to `first` that
// is the one nearest `first` (strict <, walking up from first); e itself comes next; on the way up
// from `second` it is the one nearest the apex (<=, walking up from second). This keeps a strongly
// feasible tree strongly feasible. Returns the push; *side: 0 = e itself, 1 = first's path,
// 2 = second's path, with *u_out the node whose parent arc leaves.
static double leaving_arc(const ns_work *w, int e, int first, int second, int join, int *side, int *u_out) {
    const int *parent = w->parent, *pred = w->pred;
    const signed char *up = w->up;
    const double *flow = w->flow, *upper = w->upper;
    double delta = upper[e];
    for (int u = first; u != join; u = parent[u]) {
        const int a = pred[u];
        // The push runs from parent to u: it lowers an arc pointing up, raises one pointing down.
        const double room = up[u] ? flow[a] : upper[a] - flow[a];
        if (room < delta) {
            delta = room;
            *side = 1;
            *u_out = u;
        }
    }
    for (int u = second; u != join; u = parent[u]) {
        const int a = pred[u];
        // The push runs from u to its parent: it raises an arc pointing up, lowers one pointing down.
        const double room = up[u] ? upper[a] - flow[a] : flow[a];
        if (room <= delta) {
            delta = room;
            *side = 2;
            *u_out = u;
        }
    }
    return delta;
}

// Pivots arc e into the basis. Returns NS_UNBOUNDED when its cycle can carry unlimited flow,
// otherwise NS_OPTIMAL (meaning: done, go on).
static int pivot(ns_work *w, int e) {
    const int *parent = w->parent, *pred = w->pred, *size = w->size;
    const signed char *up = w->up;
    double *flow = w->flow;
    const double *upper = w->upper;

    // Flow is pushed through e from `first` to `second`: forward when e is at its lower bound,
    // backward when at its upper. The cycle, in the direction of the push, is
    // join -> ... -> first -> second -> ... -> join.
    const int at_lower = w->state[e] < 0;
    const int first = at_lower ? w->tail[e] : w->head[e];
    const int second = at_lower ? w->head[e] : w->tail[e];

    // The apex: climb from the side with the smaller subtree, which cannot be the ancestor.
    int u = first, v = second;
    while (u != v) {
        if (size[u] < size[v]) u = parent[u];
        else v = parent[v];
    }
    const int join = u;

    int side = 0, u_out = -1;
    const double delta = leaving_arc(w, e, first, second, join, &side, &u_out);
    if (isinf(delta)) return NS_UNBOUNDED;

    // Push delta around the cycle.
    if (delta > 0) {
        flow[e] += at_lower ? delta : -delta;
        for (u = first; u != join; u = parent[u]) flow[pred[u]] += up[u] ? -delta : delta;
        for (u = second; u != join; u = parent[u]) flow[pred[u]] += up[u] ? delta : -delta;
    }

    if (side == 0) {
        // e limits its own cycle: it moves to its other bound and the tree stays as it is.
        w->state[e] = at_lower ? 1 : -1;
        flow[e] = at_lower ? upper[e] : 0;
        return NS_OPTIMAL;
    }

    // The leaving arc goes to the bound it reached (set exactly, so no rounding leaves it a hair
    // off); which bound follows from the direction of the push along it.
    const int leaving = pred[u_out];
    const int to_upper = side == 1 ? !up[u_out] : up[u_out];
    w->state[leaving] = to_upper ? 1 : -1;
    flow[leaving] = to_upper ? upper[leaving] : 0;
    w->state[e] = 0;

    // The subtree cut off by the leaving arc holds `first` when the arc was on first's path.
    if (side == 1) ns_update_tree(w, e, first, second, u_out, join);
    else ns_update_tree(w, e, second, first, u_out, join);
    return NS_OPTIMAL;
}

// ---------------------------------------------------------------------------------------------
// The solver

// Recomputes every potential from its parent's, in preorder, so that the potentials returned
// carry no drift from the incremental updates (with fractional costs; integral ones are exact).
static void recompute_potentials(ns_work *w) {
    w->pot[w->root] = 0;
    for (int u = w->thread[w->root]; u != w->root; u = w->thread[u]) {
        const int a = w->pred[u], p = w->parent[u];
        w->pot[u] = w->up[u] ? w->cost[a] + w->pot[p] : w->pot[p] - w->cost[a];
    }
}

// One allocation for the eleven int arrays and the byte array of the tree; NULL when out of memory.
static int *allocate_tree(ns_work *w) {
    const size_t n1 = (size_t)w->nodes + 1;
    int *ints = malloc(n1 * (11 * sizeof(int) + 1));
    if (ints == NULL) return NULL;
    w->parent = ints;
    w->pred = ints + n1;
    w->thread = ints + 2 * n1;
    w->rev = ints + 3 * n1;
    w->size = ints + 4 * n1;
    w->last = ints + 5 * n1;
    w->stem = ints + 6 * n1;
    w->a_first = ints + 7 * n1;
    w->a_last = ints + 8 * n1;
    w->b_first = ints + 9 * n1;
    w->b_last = ints + 10 * n1;
    w->up = (signed char *)(ints + 11 * n1);
    return ints;
}

int ns_solve(const ns_problem *problem, ns_result *result) {
    double max_abs_cost = 0;
    if (!valid_problem(problem, result, &max_abs_cost)) return NS_BAD_INPUT;

    ns_work w;
    w.nodes = problem->nodes;
    w.arcs = problem->arcs;
    w.root = problem->nodes;
    w.tail = problem->tail;
    w.head = problem->head;
    w.cost = problem->cost;
    w.upper = problem->upper;
    w.flow = result->flow;
    w.pot = result->potential;
    w.state = result->state;

    int *ints = allocate_tree(&w);
    if (ints == NULL) return NS_NO_MEMORY;

    // A block of about sqrt(arcs) balances the cost of a scan against the quality of the arc
    // it picks (LEMON's choice); small problems scan a few arcs more.
    w.block = (int)sqrt((double)w.arcs);
    if (w.block < 10) w.block = 10;
    w.next_arc = 0;
    w.tolerance = 1e-12 * (max_abs_cost > 1 ? max_abs_cost : 1);

    initial_tree(&w, problem);

    int status = NS_OPTIMAL;
    long iterations = 0;
    for (;;) {
        const int e = find_entering_arc(&w);
        if (e < 0) break;
        if (problem->iteration_limit > 0 && iterations >= problem->iteration_limit) {
            status = NS_ITERATION_LIMIT;
            break;
        }
        if (pivot(&w, e) == NS_UNBOUNDED) {
            status = NS_UNBOUNDED;
            break;
        }
        iterations++;
    }

    recompute_potentials(&w);
    double objective = 0;
    for (int a = 0; a < w.arcs; a++) objective += w.cost[a] * w.flow[a];
    result->iterations = iterations;
    result->objective = objective;
    free(ints);
    return status;
}
