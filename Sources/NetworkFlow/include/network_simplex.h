// network_simplex: a primal network simplex for minimum-cost flow that returns its optimal
// spanning tree (flows, node potentials, and the basis status of every arc), so that the basis
// can warm-start an LP solver (GLPK's dual simplex) on a larger model built around the network.
//
// The problem, over nodes 0..nodes-1 plus a root whose index is `nodes`:
//
//     minimise    sum_a cost[a] * flow[a]
//     subject to  sum_{a: tail[a] = i} flow[a] - sum_{a: head[a] = i} flow[a] = supply[i]   (every node)
//                 0 <= flow[a] <= upper[a]
//
// where the root's supply is minus the sum of the others' (the root balances the network).
//
// Potentials and reduced costs. potential[root] = 0 and the reduced cost of arc a is
//
//     rc[a] = cost[a] - potential[tail[a]] + potential[head[a]]
//
// so `potential[i]` is the dual value of node i's conservation row written as above
// (outflow - inflow = supply), the sign GLPK reports for that row. A returned basis is optimal when
//     rc = 0  on tree arcs            (state 0),
//     rc >= 0 on arcs at their lower bound 0      (state -1),
//     rc <= 0 on arcs at their upper bound upper  (state +1).
// Reduced costs within 1e-12 * max(1, max |cost|) of zero count as zero; with integral costs
// every reduced cost is computed exactly.
//
// The initial tree is the caller's: for each node i, root_arc[i] is an arc joining i and the
// root, in either direction; every other arc starts at flow 0. Node i's whole supply travels on
// its root arc: supply[i] on an arc i -> root, -supply[i] on an arc root -> i, and that amount
// must lie in [0, upper]. With integral supplies and capacities every flow returned is integral.
//
// Anti-cycling. The leaving arc is chosen by Cunningham's rule, which keeps a strongly feasible
// tree strongly feasible (here: from every node a positive amount of flow can be sent to the root
// along the tree path) and so guarantees termination. The initial tree is strongly feasible when
// every arc i -> root has flow < upper and every arc root -> i has flow > 0; when it is not, the
// result is still correct if the solver stops, and `iteration_limit` guards against cycling.
//
// Thread safety: ns_solve keeps no global state; concurrent calls on different results are fine.
#ifndef NETWORK_SIMPLEX_H
#define NETWORK_SIMPLEX_H

#ifdef __cplusplus
extern "C" {
#endif

/// The problem. Arrays are read, never written, and need only live during the call.
/// Nodes are 0..nodes-1 plus the root, whose index is `nodes`. Arcs go tail -> head with flow in [0, upper].
typedef struct {
    int nodes;                 ///< not counting the root (>= 0)
    int arcs;                  ///< >= 0
    const int *tail;           ///< arcs entries, each in 0..nodes (nodes = the root)
    const int *head;           ///< arcs entries, each in 0..nodes; tail == head (a loop) is allowed
    const double *cost;        ///< arcs entries, finite
    const double *upper;       ///< arcs entries, >= 0; INFINITY allowed
    const double *supply;      ///< nodes entries, finite: net outflow required at each node (positive = source);
                               ///< the root's is minus their sum
    const int *root_arc;       ///< nodes entries: for node i, an arc joining i and the root on which i's
                               ///< initial tree flow (supply[i] on i -> root, -supply[i] on root -> i) is feasible
    long iteration_limit;      ///< maximum number of pivots; <= 0: none
} ns_problem;

/// The result. The caller allocates the three arrays. They are left untouched on NS_BAD_INPUT
/// and NS_NO_MEMORY; otherwise they hold the last basis: optimal on NS_OPTIMAL, and on
/// NS_ITERATION_LIMIT / NS_UNBOUNDED a feasible basis (every constraint holds, potentials make
/// tree arcs' reduced costs zero) that is not proven optimal.
typedef struct {
    double *flow;              ///< arcs entries
    double *potential;         ///< nodes+1 entries; potential[root] = 0
    signed char *state;        ///< arcs entries: 0 in the tree, -1 nonbasic at lower bound (0), +1 nonbasic at upper bound
    long iterations;           ///< pivots done (a pivot where the entering arc leaves again counts too)
    double objective;          ///< sum of cost * flow
} ns_result;

enum {
    NS_OPTIMAL = 0,
    NS_ITERATION_LIMIT = 1,    ///< iteration_limit pivots done, optimality not yet proven
    NS_UNBOUNDED = 2,          ///< a cycle of negative cost and infinite capacity exists
    NS_BAD_INPUT = -1,         ///< the problem breaks a rule above (or a pointer is NULL)
    NS_NO_MEMORY = -2,         ///< the workspace (about 45 bytes per node) could not be allocated
};

/// Solves the problem from the caller's initial tree. Returns one of the NS_ codes.
int ns_solve(const ns_problem *problem, ns_result *result);

#ifdef __cplusplus
}
#endif

#endif
