/*
 * check_community.c — communities (src/community.c): Louvain and Leiden on
 * two triangles joined by one edge, the numbering rule (largest first, ties
 * by the first node), the modularity worked out by hand, determinism,
 * weights that cannot be used, and an attribute of the wrong type.
 *
 * Two triangles {a,b,c} and {d,e,f} with the bridge c-d, m = 7 edges:
 * each triangle holds 3 edges and degree 2+2+3 = 7, so
 * Q = 2 (3/7 - (7/14)^2) = 5/14.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actorgraph/community.h"
#include "testutil.h"

static ag_graph *read_graph(const char *name)
{
    ag_graph *g = NULL;
    ag_error err;
    ck_assert_msg(ag_graph_read_file(tu_data(name), &g, &err) == AG_OK, "read %s: %s", name, err.message);
    return g;
}

static long community_of(const ag_graph *g, const char *id)
{
    long a = ag_graph_attr_find(g, AG_NODES, "community");
    ck_assert_int_ge(a, 0);
    ck_assert_int_eq(ag_graph_attr_type(g, AG_NODES, (size_t)a), AG_ATTR_INT);
    for (size_t v = 0; v < ag_graph_node_count(g); v++)
        if (strcmp(ag_graph_node_id(g, v), id) == 0)
            return (long)ag_graph_get_number(g, AG_NODES, (size_t)a, v);
    ck_abort_msg("no node %s", id);
    return -1;
}

static const ag_community_method methods[] = { AG_COMMUNITIES_LOUVAIN, AG_COMMUNITIES_LEIDEN };

START_TEST(test_two_triangles)
{
    ag_graph *g = read_graph("golden/two_triangles.graphml");
    ag_error err;
    double q = -1;
    long mod;
    ck_assert_int_eq(ag_graph_communities(g, methods[_i], &q, &err), AG_OK);
    ck_assert_double_eq_tol(q, 5.0 / 14.0, 1e-12);
    /* equal sizes: the community holding node 0 ("a") is number 0 */
    ck_assert_int_eq(community_of(g, "a"), 0);
    ck_assert_int_eq(community_of(g, "b"), 0);
    ck_assert_int_eq(community_of(g, "c"), 0);
    ck_assert_int_eq(community_of(g, "d"), 1);
    ck_assert_int_eq(community_of(g, "e"), 1);
    ck_assert_int_eq(community_of(g, "f"), 1);
    mod = ag_graph_attr_find(g, AG_GRAPH, "modularity");
    ck_assert_int_ge(mod, 0);
    ck_assert_double_eq_tol(ag_graph_get_number(g, AG_GRAPH, (size_t)mod, 0), 5.0 / 14.0, 1e-12);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_deterministic)
{
    /* the same graph, twice, and again after the attribute exists: the same numbers */
    ag_graph *g = read_graph("golden/centrality_split.graphml");
    ag_error err;
    long first[64];
    size_t n = ag_graph_node_count(g);
    double q1, q2;
    ck_assert_uint_le(n, 64);
    ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, &q1, &err), AG_OK);
    for (size_t v = 0; v < n; v++)
        first[v] = community_of(g, ag_graph_node_id(g, v));
    ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, &q2, &err), AG_OK);
    ck_assert_double_eq(q1, q2);
    for (size_t v = 0; v < n; v++)
        ck_assert_int_eq(community_of(g, ag_graph_node_id(g, v)), first[v]);
    ag_graph_free(g);
}
END_TEST

START_TEST(test_parse)
{
    ag_community_method m;
    ck_assert_int_eq(ag_community_parse("louvain", &m), 0);
    ck_assert_int_eq(m, AG_COMMUNITIES_LOUVAIN);
    ck_assert_int_eq(ag_community_parse("leiden", &m), 0);
    ck_assert_int_eq(m, AG_COMMUNITIES_LEIDEN);
    ck_assert_int_eq(ag_community_parse("Louvain", &m), -1);
    ck_assert_int_eq(ag_community_parse("", &m), -1);
    ck_assert_str_eq(ag_community_name(AG_COMMUNITIES_LEIDEN), "leiden");
}
END_TEST

START_TEST(test_bad_method)
{
    ag_graph *g = read_graph("golden/two_triangles.graphml");
    ag_error err;
    ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_NONE, NULL, &err), AG_EINVAL);
    ck_assert_str_eq(err.message, "unknown community method");
    ag_graph_free(g);
}
END_TEST

/* The graph of a GraphML text, read through a temporary file as the
 * command line reads one. */
static ag_graph *graph_of(const char *xml)
{
    char path[] = "/tmp/check_community.XXXXXX";
    int fd = mkstemp(path);
    FILE *fp = fdopen(fd, "w");
    ag_graph *g = NULL;
    ag_error err;
    ck_assert_ptr_nonnull(fp);
    fputs(xml, fp);
    fclose(fp);
    ck_assert_int_eq(ag_graph_read_file(path, &g, &err), AG_OK);
    remove(path);
    return g;
}

START_TEST(test_string_community_attribute)
{
    /* a graph from elsewhere whose "community" is text: refused, not overwritten */
    static const char xml[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"c\" for=\"node\" attr.name=\"community\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"undirected\"><node id=\"x\"><data key=\"c\">red</data></node>"
        "<node id=\"y\"/><edge source=\"x\" target=\"y\"/></graph></graphml>\n";
    ag_graph *g = graph_of(xml);
    ag_error err;
    ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, NULL, &err), AG_EINVAL);
    ck_assert_str_eq(err.message, "the graph has a \"community\" attribute that is not an integer");
    ag_graph_free(g);
}
END_TEST

START_TEST(test_string_modularity_attribute)
{
    /* a graph-level "modularity" that is text: refused before anything is written;
     * one declared int becomes a double holding the fraction */
    static const char text[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"m\" for=\"graph\" attr.name=\"modularity\" attr.type=\"string\"/>\n"
        "<graph edgedefault=\"undirected\"><data key=\"m\">high</data><node id=\"x\"/><node id=\"y\"/>"
        "<node id=\"z\"/><edge source=\"x\" target=\"y\"/></graph></graphml>\n";
    static const char whole[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<key id=\"m\" for=\"graph\" attr.name=\"modularity\" attr.type=\"long\"/>\n"
        "<graph edgedefault=\"undirected\"><data key=\"m\">7</data><node id=\"x\"/><node id=\"y\"/>"
        "<node id=\"z\"/><edge source=\"x\" target=\"y\"/></graph></graphml>\n";
    const char *xml[2] = { text, whole };
    for (int k = 0; k < 2; k++) {
        ag_graph *g = graph_of(xml[k]);
        ag_error err;
        double q = -1;
        if (k == 0) {
            ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, &q, &err), AG_EINVAL);
            ck_assert_str_eq(err.message, "the graph has a \"modularity\" attribute that is not a number");
            ck_assert_int_eq(ag_graph_attr_find(g, AG_NODES, "community"), -1);
        } else {
            long m;
            ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LOUVAIN, &q, &err), AG_OK);
            m = ag_graph_attr_find(g, AG_GRAPH, "modularity");
            ck_assert_int_eq(ag_graph_attr_type(g, AG_GRAPH, (size_t)m), AG_ATTR_DOUBLE);
            /* the 7 is replaced: x-y one community, z alone, Q = 1 - (2/2)^2 + 0 = 0 */
            ck_assert_double_eq_tol(ag_graph_get_number(g, AG_GRAPH, (size_t)m, 0), 0.0, 1e-12);
        }
        ag_graph_free(g);
    }
}
END_TEST

START_TEST(test_no_edges)
{
    /* isolated nodes: each its own community, modularity 0 */
    static const char xml[] =
        "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        "<graph edgedefault=\"undirected\"><node id=\"p\"/><node id=\"q\"/></graph></graphml>\n";
    ag_graph *g = graph_of(xml);
    ag_error err;
    double q = -1;
    ck_assert_int_eq(ag_graph_communities(g, AG_COMMUNITIES_LEIDEN, &q, &err), AG_OK);
    ck_assert_double_eq(q, 0);
    ck_assert_int_eq(community_of(g, "p"), 0);
    ck_assert_int_eq(community_of(g, "q"), 1);
    ag_graph_free(g);
}
END_TEST

Suite *community_suite(void);
Suite *community_suite(void)
{
    Suite *s = suite_create("community");
    TCase *core = tcase_create("core"), *errors = tcase_create("errors"), *edge = tcase_create("edge");
    tcase_add_loop_test(core, test_two_triangles, 0, 2);
    tcase_add_test(core, test_deterministic);
    tcase_add_test(core, test_parse);
    suite_add_tcase(s, core);
    tcase_add_test(errors, test_bad_method);
    tcase_add_test(errors, test_string_community_attribute);
    tcase_add_test(errors, test_string_modularity_attribute);
    suite_add_tcase(s, errors);
    tcase_add_test(edge, test_no_edges);
    suite_add_tcase(s, edge);
    return s;
}

int main(void)
{
    return tu_run(community_suite());
}
