/*
 * check_centrality.c — node centralities (centrality.c) on small graphs
 * whose every value was worked out by hand (the derivations are in the
 * comments; networkx agreed with each of them while this was written, but
 * the test needs no Python):
 *
 *   tests/data/golden/centrality_star.graphml      centre c, leaves l1 l2 l3 with weights 1 1 2
 *   tests/data/golden/centrality_split.graphml     triangle a-b 1, b-c 2, a-c 0.5; pair d-e 4; f alone
 *   tests/data/golden/centrality_triangle.graphml  x y z, every weight 1
 *   tests/data/golden/centrality_tie.graphml       square A-B 4, B-D 20, A-C 5, C-D 10
 *
 * Path-based measures use distance = 1/weight; closeness is networkx's
 * (r/(n-1)) * (r / sum of distances to the r reachable nodes).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#define TOL 1e-9

static ag_graph *load(const char *name)
{
    ag_graph *g = NULL;
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(tu_data(name), &g, &err) == AG_OK, "%s: %s", name, err.message);
    return g;
}

/* Computes into a fresh array (row-major, AG_C_COUNT per node). */
static double *compute(const ag_graph *g, const ag_centrality_options *o)
{
    size_t n = ag_graph_node_count(g);
    double *v = (double *)calloc(n ? n * AG_C_COUNT : 1, sizeof *v);
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_centrality_compute(g, o, v, &err) == AG_OK, "compute failed: %s", err.message);
    return v;
}

/* Checks one measure for every node against expected[]. */
static void expect(const ag_graph *g, const double *v, ag_centrality_measure m, const double *expected)
{
    for (size_t i = 0; i < ag_graph_node_count(g); i++)
        ck_assert_msg(fabs(v[i * AG_C_COUNT + m] - expected[i]) <= TOL, "%s of %s: %.17g, expected %.17g",
                      ag_centrality_name(m), ag_graph_node_id(g, i), v[i * AG_C_COUNT + m], expected[i]);
}

/* --- core ------------------------------------------------------------------ */

/*
 * Weighted star, n = 4. Distances 1/w: c-l1 1, c-l2 1, c-l3 0.5.
 *   closeness  c: 3/(1+1+0.5) = 1.2; l1: 3/(1+2+1.5) = 2/3; l3: 3/(0.5+1.5+1.5) = 6/7
 *   harmonic   c: 1+1+2 = 4; l1: 1 + 1/2 + 1/1.5; l3: 2 + 2/1.5
 *   eigenvector  A v = lambda v: l_i = w_i c / lambda, lambda = sqrt(1+1+4):
 *                c 1, l1 l2 1/sqrt 6, l3 2/sqrt 6
 *   PageRank   the leaves give everything to c, c gives w_i/4 to leaf i:
 *              c = (1+3d) / (n (1+d)) = 3.55/7.4 = 71/148,
 *              l_i = 0.15/4 + 0.85 * (71/148) * w_i/4
 */
START_TEST(test_star_weighted)
{
    ag_graph *g = load("golden/centrality_star.graphml");
    double *v = compute(g, NULL);
    const double pr_c = 71.0 / 148.0;
    const double degree[] = { 3, 1, 1, 1 }, strength[] = { 4, 1, 1, 2 }, betweenness[] = { 3, 0, 0, 0 };
    const double closeness[] = { 1.2, 2.0 / 3.0, 2.0 / 3.0, 6.0 / 7.0 };
    const double harmonic[] = { 4, 1 + 0.5 + 1 / 1.5, 1 + 0.5 + 1 / 1.5, 2 + 2 / 1.5 };
    const double eigen[] = { 1, 1 / sqrt(6.0), 1 / sqrt(6.0), 2 / sqrt(6.0) };
    const double pagerank[] = { pr_c, 0.0375 + 0.85 * pr_c / 4, 0.0375 + 0.85 * pr_c / 4, 0.0375 + 0.85 * pr_c / 2 };
    ck_assert_str_eq(ag_graph_node_id(g, 0), "c");
    ck_assert_str_eq(ag_graph_node_id(g, 3), "l3");
    expect(g, v, AG_C_DEGREE, degree);
    expect(g, v, AG_C_STRENGTH, strength);
    expect(g, v, AG_C_BETWEENNESS, betweenness);
    expect(g, v, AG_C_CLOSENESS, closeness);
    expect(g, v, AG_C_HARMONIC, harmonic);
    expect(g, v, AG_C_EIGENVECTOR, eigen);
    expect(g, v, AG_C_PAGERANK, pagerank);
    /* the same as decimals */
    ck_assert_double_eq_tol(v[0 * AG_C_COUNT + AG_C_PAGERANK], 0.479729730, 1e-9);
    ck_assert_double_eq_tol(v[1 * AG_C_COUNT + AG_C_PAGERANK], 0.139442568, 1e-9);
    ck_assert_double_eq_tol(v[3 * AG_C_COUNT + AG_C_PAGERANK], 0.241385135, 1e-9);
    ck_assert_double_eq_tol(v[1 * AG_C_COUNT + AG_C_EIGENVECTOR], 0.408248290, 1e-9);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* Unweighted star: every edge 1.
 *   closeness c 3/3 = 1, leaves 3/(1+2+2) = 0.6; harmonic c 3, leaves 1+1/2+1/2
 *   eigenvector c 1, leaves 1/sqrt 3; PageRank c 71/148, leaves (1 - 71/148)/3 = 77/444 */
START_TEST(test_star_unweighted)
{
    ag_graph *g = load("golden/centrality_star.graphml");
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    double *v;
    const double degree[] = { 3, 1, 1, 1 }, betweenness[] = { 3, 0, 0, 0 };
    const double closeness[] = { 1, 0.6, 0.6, 0.6 }, harmonic[] = { 3, 2, 2, 2 };
    const double eigen[] = { 1, 1 / sqrt(3.0), 1 / sqrt(3.0), 1 / sqrt(3.0) };
    const double pagerank[] = { 71.0 / 148, 77.0 / 444, 77.0 / 444, 77.0 / 444 };
    o.weighted = 0;
    v = compute(g, &o);
    expect(g, v, AG_C_DEGREE, degree);
    expect(g, v, AG_C_STRENGTH, degree);
    expect(g, v, AG_C_BETWEENNESS, betweenness);
    expect(g, v, AG_C_CLOSENESS, closeness);
    expect(g, v, AG_C_HARMONIC, harmonic);
    expect(g, v, AG_C_EIGENVECTOR, eigen);
    expect(g, v, AG_C_PAGERANK, pagerank);
    free(v);
    ag_graph_free(g);
}
END_TEST

/*
 * Three components, n = 6, Wasserman-Faust closeness (n - 1 = 5).
 * Distances in the triangle: a-b 1, b-c 0.5, a-c 2 directly but 1.5 via b,
 * so b lies on the one shortest a-c path: betweenness b = 1.
 *   a: r 2, sum 1 + 1.5 = 2.5 -> (2/2.5)(2/5) = 0.32;  harmonic 1 + 1/1.5
 *   b: r 2, sum 1 + 0.5 = 1.5 -> (2/1.5)(2/5) = 8/15;  harmonic 1 + 2 = 3
 *   c: r 2, sum 0.5 + 1.5 = 2 -> (2/2)(2/5) = 0.4;     harmonic 2 + 1/1.5
 *   d, e: r 1, sum 0.25 -> (1/0.25)(1/5) = 0.8;        harmonic 4
 *   f: nothing reachable -> 0, 0.
 * PageRank: f is dangling, its rank spread evenly, so every node starts
 * from b0 = 0.025 / (1 - 0.85/6); d = e = b0 / 0.15; in the triangle
 * (a gives 2/3 to b, 1/3 to c; b 1/3 to a, 2/3 to c; c 4/5 to b, 1/5 to a)
 * the 3x3 system gives a 0.133182989, b 0.244136099, c 0.205205183.
 */
START_TEST(test_split_weighted)
{
    ag_graph *g = load("golden/centrality_split.graphml");
    double *v = compute(g, NULL);
    const double b0 = 0.025 / (1 - 0.85 / 6);
    const double degree[] = { 2, 2, 2, 1, 1, 0 }, strength[] = { 1.5, 3, 2.5, 4, 4, 0 };
    const double betweenness[] = { 0, 1, 0, 0, 0, 0 };
    const double closeness[] = { 0.32, 8.0 / 15, 0.4, 0.8, 0.8, 0 };
    const double harmonic[] = { 1 + 1 / 1.5, 3, 2 + 1 / 1.5, 4, 4, 0 };
    const double pagerank[] = { 0.13318298947992874, 0.24413609899139482, 0.20520518337333657,
                                b0 / 0.15, b0 / 0.15, b0 };
    double sum = 0;
    expect(g, v, AG_C_DEGREE, degree);
    expect(g, v, AG_C_STRENGTH, strength);
    expect(g, v, AG_C_BETWEENNESS, betweenness);
    expect(g, v, AG_C_CLOSENESS, closeness);
    expect(g, v, AG_C_HARMONIC, harmonic);
    expect(g, v, AG_C_PAGERANK, pagerank);
    for (size_t i = 0; i < 6; i++)
        sum += v[i * AG_C_COUNT + AG_C_PAGERANK];
    ck_assert_double_eq_tol(sum, 1.0, 1e-12);
    ck_assert_double_eq_tol(b0, 0.029126214, 1e-9);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* Unweighted, the triangle's distances are all 1: no betweenness; closeness
 * (2/2)(2/5) = 0.4, harmonic 2; the pair: (1/1)(1/5) = 0.2, harmonic 1. */
START_TEST(test_split_unweighted)
{
    ag_graph *g = load("golden/centrality_split.graphml");
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    double *v;
    const double degree[] = { 2, 2, 2, 1, 1, 0 }, zero[] = { 0, 0, 0, 0, 0, 0 };
    const double closeness[] = { 0.4, 0.4, 0.4, 0.2, 0.2, 0 }, harmonic[] = { 2, 2, 2, 1, 1, 0 };
    o.weighted = 0;
    v = compute(g, &o);
    expect(g, v, AG_C_DEGREE, degree);
    expect(g, v, AG_C_STRENGTH, degree);
    expect(g, v, AG_C_BETWEENNESS, zero);
    expect(g, v, AG_C_CLOSENESS, closeness);
    expect(g, v, AG_C_HARMONIC, harmonic);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* Every node alike: eigenvector 1, PageRank 1/3, closeness 1, harmonic 2. */
START_TEST(test_triangle)
{
    ag_graph *g = load("golden/centrality_triangle.graphml");
    double *v = compute(g, NULL);
    const double two[] = { 2, 2, 2 }, zero[] = { 0, 0, 0 }, one[] = { 1, 1, 1 };
    const double third[] = { 1.0 / 3, 1.0 / 3, 1.0 / 3 };
    expect(g, v, AG_C_DEGREE, two);
    expect(g, v, AG_C_STRENGTH, two);
    expect(g, v, AG_C_BETWEENNESS, zero);
    expect(g, v, AG_C_CLOSENESS, one);
    expect(g, v, AG_C_HARMONIC, two);
    expect(g, v, AG_C_EIGENVECTOR, one);
    expect(g, v, AG_C_PAGERANK, third);
    free(v);
    ag_graph_free(g);
}
END_TEST

/*
 * Ties between paths are decided on floating-point lengths, as networkx
 * decides them. Distances 1/w: A-B 0.25, B-D 0.05, A-C 0.2, C-D 0.1. In
 * exact arithmetic both A-D paths are 3/10 long, but summed from either
 * end in doubles A-B-D is 0.25 + 0.05 = 0.3 and A-C-D is 0.2 + 0.1 =
 * 0.30000000000000004, so networkx counts only A-B-D: B gets the pair A-D
 * (1) and C nothing. The pair B-C runs through D alone (0.05 + 0.1 against
 * 0.25 + 0.2), every other pair is an edge:
 *   betweenness A 0, B 1, C 0, D 1   (networkx 2.8.8 agreed; the CLI test
 *   test_golden.sh checks it through agcheck centrality)
 * igraph compares path lengths with a tolerance, so it takes the two A-D
 * paths as equal and would give B 0.5, C 0.5, D 1; this test tells the
 * two apart.
 */
START_TEST(test_float_ties_as_networkx)
{
    ag_graph *g = load("golden/centrality_tie.graphml");
    double *v = compute(g, NULL);
    const double betweenness[] = { 0, 1, 0, 1 };
    ck_assert(1.0 / 4 + 1.0 / 20 != 1.0 / 5 + 1.0 / 10);   /* the premise, in doubles */
    ck_assert_str_eq(ag_graph_node_id(g, 1), "B");
    ck_assert_str_eq(ag_graph_node_id(g, 2), "C");
    for (size_t i = 0; i < 4; i++)
        ck_assert_msg(fabs(v[i * AG_C_COUNT + AG_C_BETWEENNESS] - betweenness[i]) <= 1e-12,
                      "betweenness of %s: %.17g, networkx says %.17g", ag_graph_node_id(g, i),
                      v[i * AG_C_COUNT + AG_C_BETWEENNESS], betweenness[i]);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* weight_attr picks another edge attribute: the star's "count" (5, 5, 9).
 *   strength c 19; eigenvector lambda = sqrt(25+25+81) = sqrt 131, leaves 5/sqrt 131, 9/sqrt 131;
 *   closeness c: 3/(1/5+1/5+1/9) */
START_TEST(test_weight_attr)
{
    ag_graph *g = load("golden/centrality_star.graphml");
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    double *v;
    const double strength[] = { 19, 5, 5, 9 };
    const double eigen[] = { 1, 5 / sqrt(131.0), 5 / sqrt(131.0), 9 / sqrt(131.0) };
    o.weight_attr = "count";
    v = compute(g, &o);
    expect(g, v, AG_C_STRENGTH, strength);
    expect(g, v, AG_C_EIGENVECTOR, eigen);
    ck_assert_double_eq_tol(v[AG_C_CLOSENESS], 3 / (0.2 + 0.2 + 1.0 / 9), TOL);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* Damping 0: PageRank is the uniform 1/n whatever the graph. */
START_TEST(test_damping)
{
    ag_graph *g = load("golden/centrality_star.graphml");
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    double *v;
    const double quarter[] = { 0.25, 0.25, 0.25, 0.25 };
    o.damping = 0;
    v = compute(g, &o);
    expect(g, v, AG_C_PAGERANK, quarter);
    free(v);
    ag_graph_free(g);
}
END_TEST

static const char *const measure_names[AG_C_COUNT] = { "degree", "strength", "betweenness", "closeness",
                                                       "harmonic", "eigenvector", "pagerank" };

START_TEST(test_names)
{
    ag_centrality_measure m = AG_C_COUNT;
    ck_assert_int_eq(ag_centrality_parse(measure_names[_i], &m), 0);
    ck_assert_int_eq(m, _i);
    ck_assert_str_eq(ag_centrality_name((ag_centrality_measure)_i), measure_names[_i]);
}
END_TEST

/* --- errors ---------------------------------------------------------------- */

static char tmp_path[64];

static ag_graph *load_text(const char *graphml)
{
    ag_graph *g = NULL;
    ag_error err;
    int fd;
    snprintf(tmp_path, sizeof tmp_path, "/tmp/check_centrality.XXXXXX");
    fd = mkstemp(tmp_path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(write(fd, graphml, strlen(graphml)), (ssize_t)strlen(graphml));
    close(fd);
    memset(&err, 0, sizeof err);
    ck_assert_msg(ag_graph_read_file(tmp_path, &g, &err) == AG_OK, "%s", err.message);
    unlink(tmp_path);
    return g;
}

#define GRAPHML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"

/* A triangle p q r whose q-r edge carries `value` (NULL: no data element). */
static char *triangle_with(const char *type, const char *value)
{
    static char buf[2048];
    char qr[128] = "";
    if (value)
        snprintf(qr, sizeof qr, "<data key=\"w\">%s</data>", value);
    snprintf(buf, sizeof buf,
             GRAPHML_HEAD "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"%s\"/>\n"
                          "  <graph edgedefault=\"undirected\">\n"
                          "    <node id=\"p\"/><node id=\"q\"/><node id=\"r\"/>\n"
                          "    <edge source=\"p\" target=\"q\"><data key=\"w\">1</data></edge>\n"
                          "    <edge source=\"q\" target=\"r\">%s</edge>\n"
                          "    <edge source=\"p\" target=\"r\"><data key=\"w\">2</data></edge>\n"
                          "  </graph>\n</graphml>\n",
             type, qr);
    return buf;
}

static const struct {
    const char *value;
    const char *said;   /* in the message */
} bad_weights[] = {
    { "0", "q -- r" },
    { "-1.5", "q -- r" },
    { "NaN", "q -- r" },
    { "INF", "q -- r" },
    { "-INF", "q -- r" },
    { NULL, "q -- r" },   /* the edge has no weight at all */
};

START_TEST(test_bad_weight)
{
    ag_graph *g = load_text(triangle_with("double", bad_weights[_i].value));
    double v[3 * AG_C_COUNT];
    ag_error err;
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_centrality_compute(g, NULL, v, &err), AG_ESCHEMA);
    ck_assert_int_eq(err.status, AG_ESCHEMA);
    ck_assert_msg(strstr(err.message, bad_weights[_i].said) != NULL, "message does not name the edge: %s",
                  err.message);
    ck_assert_msg(strstr(err.message, "weight") != NULL, "message does not name the attribute: %s", err.message);
    /* unweighted, the same graph is fine */
    o.weighted = 0;
    ck_assert_int_eq(ag_centrality_compute(g, &o, v, &err), AG_OK);
    ck_assert_double_eq(v[1 * AG_C_COUNT + AG_C_DEGREE], 2);
    ck_assert_double_eq(v[1 * AG_C_COUNT + AG_C_STRENGTH], 2);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_no_weight_attribute)
{
    ag_graph *g = load_text(GRAPHML_HEAD "  <graph edgedefault=\"undirected\">\n"
                                         "    <node id=\"p\"/><node id=\"q\"/>\n"
                                         "    <edge source=\"p\" target=\"q\"/>\n  </graph>\n</graphml>\n");
    double v[2 * AG_C_COUNT];
    ag_error err;
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_centrality_compute(g, NULL, v, &err), AG_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(err.message, "\"weight\""));
    o.weight_attr = "strength";
    ck_assert_int_eq(ag_centrality_compute(g, &o, v, &err), AG_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(err.message, "\"strength\""));
    o.weighted = 0;
    ck_assert_int_eq(ag_centrality_compute(g, &o, v, &err), AG_OK);
    ck_assert_double_eq(v[AG_C_DEGREE], 1);
    ck_assert_double_eq_tol(v[AG_C_PAGERANK], 0.5, TOL);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_string_weight)
{
    ag_graph *g = load_text(triangle_with("string", "3"));
    double v[3 * AG_C_COUNT];
    ag_error err;
    memset(&err, 0, sizeof err);
    ck_assert_int_eq(ag_graph_attr_type(g, AG_EDGES, (size_t)ag_graph_attr_find(g, AG_EDGES, "weight")),
                     AG_ATTR_STRING);
    ck_assert_int_eq(ag_centrality_compute(g, NULL, v, &err), AG_ESCHEMA);
    ck_assert_ptr_nonnull(strstr(err.message, "weight"));
    ck_assert_ptr_nonnull(strstr(err.message, "text"));
    ag_graph_free(g);
}
END_TEST

START_TEST(test_unknown_names)
{
    ag_centrality_measure m = AG_C_PAGERANK;
    ck_assert_int_eq(ag_centrality_parse("PageRank", &m), -1);
    ck_assert_int_eq(ag_centrality_parse("", &m), -1);
    ck_assert_int_eq(ag_centrality_parse("eigen", &m), -1);
    ck_assert_int_eq(m, AG_C_PAGERANK);
    ck_assert_str_eq(ag_centrality_name(AG_C_COUNT), "?");
}
END_TEST

/* --- edge ------------------------------------------------------------------ */

/* Nodes and no edges: no weight is needed; everybody is alone. */
START_TEST(test_no_edges)
{
    ag_graph *g = load_text(GRAPHML_HEAD "  <graph edgedefault=\"undirected\">\n"
                                         "    <node id=\"p\"/><node id=\"q\"/><node id=\"r\"/><node id=\"s\"/>\n"
                                         "  </graph>\n</graphml>\n");
    double *v = compute(g, NULL);
    const double zero[] = { 0, 0, 0, 0 }, quarter[] = { 0.25, 0.25, 0.25, 0.25 };
    expect(g, v, AG_C_DEGREE, zero);
    expect(g, v, AG_C_STRENGTH, zero);
    expect(g, v, AG_C_BETWEENNESS, zero);
    expect(g, v, AG_C_CLOSENESS, zero);
    expect(g, v, AG_C_HARMONIC, zero);
    expect(g, v, AG_C_PAGERANK, quarter);
    free(v);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_no_nodes)
{
    ag_graph *g = load_text(GRAPHML_HEAD "  <graph edgedefault=\"undirected\"/>\n</graphml>\n");
    double v[1] = { 42 };
    ag_error err;
    ck_assert_uint_eq(ag_graph_node_count(g), 0);
    ck_assert_int_eq(ag_centrality_compute(g, NULL, v, &err), AG_OK);
    ck_assert_double_eq(v[0], 42);   /* nothing written */
    ag_graph_free(g);
}
END_TEST

/* A directed file is read as undirected: the same numbers as the star. */
START_TEST(test_directed_file)
{
    ag_graph *g = load_text(GRAPHML_HEAD "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                                         "  <graph edgedefault=\"directed\">\n"
                                         "    <node id=\"c\"/><node id=\"l1\"/><node id=\"l2\"/><node id=\"l3\"/>\n"
                                         "    <edge source=\"l1\" target=\"c\"><data key=\"w\">1</data></edge>\n"
                                         "    <edge source=\"c\" target=\"l2\"><data key=\"w\">1</data></edge>\n"
                                         "    <edge source=\"l3\" target=\"c\"><data key=\"w\">2</data></edge>\n"
                                         "  </graph>\n</graphml>\n");
    double *v = compute(g, NULL);
    const double degree[] = { 3, 1, 1, 1 }, betweenness[] = { 3, 0, 0, 0 };
    const double closeness[] = { 1.2, 2.0 / 3.0, 2.0 / 3.0, 6.0 / 7.0 };
    expect(g, v, AG_C_DEGREE, degree);
    expect(g, v, AG_C_BETWEENNESS, betweenness);
    expect(g, v, AG_C_CLOSENESS, closeness);
    ck_assert_double_eq_tol(v[AG_C_PAGERANK], 71.0 / 148, TOL);
    free(v);
    ag_graph_free(g);
}
END_TEST

/* A heavier tie is a shorter path: with p-q 10, q-r 10, p-r 1 the
 * shortest p-r path runs through q (0.1 + 0.1 < 1), unweighted it does not. */
START_TEST(test_heavy_tie_is_short)
{
    ag_graph *g = load_text(GRAPHML_HEAD "  <key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n"
                                         "  <graph edgedefault=\"undirected\">\n"
                                         "    <node id=\"p\"/><node id=\"q\"/><node id=\"r\"/>\n"
                                         "    <edge source=\"p\" target=\"q\"><data key=\"w\">10</data></edge>\n"
                                         "    <edge source=\"q\" target=\"r\"><data key=\"w\">10</data></edge>\n"
                                         "    <edge source=\"p\" target=\"r\"><data key=\"w\">1</data></edge>\n"
                                         "  </graph>\n</graphml>\n");
    ag_centrality_options o = AG_CENTRALITY_OPTIONS_INIT;
    double *v = compute(g, NULL), *u;
    const double weighted[] = { 0, 1, 0 }, unweighted[] = { 0, 0, 0 };
    /* harmonic p: 1/0.1 + 1/0.2 = 15 */
    const double harmonic[] = { 15, 20, 15 };
    expect(g, v, AG_C_BETWEENNESS, weighted);
    expect(g, v, AG_C_HARMONIC, harmonic);
    o.weighted = 0;
    u = compute(g, &o);
    expect(g, u, AG_C_BETWEENNESS, unweighted);
    free(v);
    free(u);
    ag_graph_free(g);
}
END_TEST

Suite *centrality_suite(void);
Suite *centrality_suite(void)
{
    Suite *s = suite_create("centrality");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");

    tcase_add_test(core, test_star_weighted);
    tcase_add_test(core, test_star_unweighted);
    tcase_add_test(core, test_split_weighted);
    tcase_add_test(core, test_split_unweighted);
    tcase_add_test(core, test_triangle);
    tcase_add_test(core, test_float_ties_as_networkx);
    tcase_add_test(core, test_weight_attr);
    tcase_add_test(core, test_damping);
    tcase_add_loop_test(core, test_names, 0, AG_C_COUNT);
    suite_add_tcase(s, core);

    tcase_add_loop_test(errors, test_bad_weight, 0, (int)(sizeof bad_weights / sizeof bad_weights[0]));
    tcase_add_test(errors, test_no_weight_attribute);
    tcase_add_test(errors, test_string_weight);
    tcase_add_test(errors, test_unknown_names);
    suite_add_tcase(s, errors);

    tcase_add_test(edge, test_no_edges);
    tcase_add_test(edge, test_no_nodes);
    tcase_add_test(edge, test_directed_file);
    tcase_add_test(edge, test_heavy_tie_is_short);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(centrality_suite());
}
