/*
 * graph_read_json.c — graphs from node-link JSON, through jansson.
 *
 * Input: the JSON export_json.c writes, or any node-link JSON networkx
 * writes ({"graph": {...}, "nodes": [{"id": ...}], "links" or "edges":
 * [{"source": ..., "target": ...}]}). Output: an ag_graph with nodes and
 * edges in file order, the node ids (strings, or integers in decimal) as
 * the "id" attribute, and a column for every other key. Columns declared
 * in "attributes" keep their order and type, values or none; other keys
 * follow in the order they first appear, typed by their values: integers
 * stay integers, reals (or integers mixed with reals) are doubles, true
 * and false booleans, strings strings, arrays and objects their compact
 * JSON text; null is a missing value. Edges are taken as undirected, like
 * GraphML's. Errors name the file, line and column: jansson's for
 * malformed JSON, and for a well-formed file that is not a graph the
 * position of the offending value, found again in the text.
 */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_internal.h"
#include "graph_internal.h"
#include "internal.h"
#include "json_scan.h"

/* --- the reader --------------------------------------------------------------- */

typedef struct {
    const char *path;
    const char *text;
    size_t len;
    ag_error *err;
    json_t *root;
    json_t *lists[3];        /* nodes, links (or edges), graph object; NULL when absent */
    const char *list_key[3]; /* "nodes", "links" or "edges", "graph" */
    char **ids;              /* the node ids as text, in node order */
} reader;

static ag_status fail_at(reader *r, const ag_jpath *path, size_t depth, int want_key, const char *fmt, ...)
    AG_PRINTF(5, 6);

/* AG_ESCHEMA at the position of path, with fmt as the message. */
static ag_status fail_at(reader *r, const ag_jpath *path, size_t depth, int want_key, const char *fmt, ...)
{
    char msg[400];
    unsigned long line, col;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ag__json_line_col(r->text, ag__jpath_locate(r->text, r->len, path, depth, want_key), &line, &col);
    return ag__fail_at(r->err, AG_ESCHEMA, r->path, line, col, "%s", msg);
}

/* One attribute column being gathered. */
typedef struct {
    const char *name;        /* borrowed from the JSON tree */
    ag_attr_type type;
    int known;               /* the type is declared or was seen */
    int declared;
    size_t first;            /* the element that fixed the type (undeclared columns) */
} spec;

typedef struct {
    spec *v;
    size_t n, cap;
} spec_list;

static spec *find_spec(spec_list *l, const char *name)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i].name, name) == 0)
            return &l->v[i];
    return NULL;
}

static spec *add_spec(spec_list *l, const char *name)
{
    spec *s;
    if (ag__grow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v) != 0)
        return NULL;
    s = &l->v[l->n++];
    memset(s, 0, sizeof *s);
    s->name = name;
    return s;
}

/* The JSON list of domain d: nodes 0, links 1, graph 2 (its object). */
static size_t element_count(const reader *r, int d)
{
    if (!r->lists[d])
        return 0;
    return d == 2 ? 1 : json_array_size(r->lists[d]);
}

static json_t *element(const reader *r, int d, size_t i)
{
    return d == 2 ? r->lists[2] : json_array_get(r->lists[d], i);
}

/* The path of key in element i of domain d. */
static size_t element_path(const reader *r, int d, size_t i, const char *key, ag_jpath *path)
{
    size_t n = 0;
    path[n].key = r->list_key[d];
    path[n++].index = 0;
    if (d != 2) {
        path[n].key = NULL;
        path[n++].index = i;
    }
    if (key) {
        path[n].key = key;
        path[n++].index = 0;
    }
    return n;
}

static int own_key(int d, const char *key)
{
    if (d == 0)
        return strcmp(key, "id") == 0;
    if (d == 1)
        return strcmp(key, "source") == 0 || strcmp(key, "target") == 0;
    return 0;
}

static const char *json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a real number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "a value";
}

/* Whether a value fits a column of type t. */
static int fits(const json_t *v, ag_attr_type t)
{
    switch (t) {
    case AG_ATTR_STRING: return json_is_string(v) || json_is_array(v) || json_is_object(v);
    case AG_ATTR_INT: return json_is_integer(v) || (json_is_real(v) && json_real_value(v) == floor(json_real_value(v)));
    case AG_ATTR_DOUBLE: return json_is_number(v);
    case AG_ATTR_BOOL: return json_is_boolean(v);
    }
    return 0;
}

static ag_attr_type type_of(const json_t *v)
{
    if (json_is_integer(v))
        return AG_ATTR_INT;
    if (json_is_real(v))
        return AG_ATTR_DOUBLE;
    if (json_is_boolean(v))
        return AG_ATTR_BOOL;
    return AG_ATTR_STRING;
}

/* The declared columns of domain d, from "attributes". */
static ag_status read_declarations(reader *r, int d, spec_list *l)
{
    static const char *const keys[3][2] = { { "nodes", NULL }, { "links", "edges" }, { "graph", NULL } };
    json_t *attrs = json_object_get(r->root, "attributes"), *decl = NULL;
    const char *key = NULL, *name;
    json_t *type;
    ag_jpath path[3];

    if (!attrs)
        return AG_OK;
    path[0].key = "attributes";
    path[0].index = 0;
    if (!json_is_object(attrs))
        return fail_at(r, path, 1, 0, "\"attributes\" must be an object of {name: type} objects, not %s",
                       json_kind(attrs));
    for (int k = 0; k < 2 && !decl; k++)
        if ((key = keys[d][k]) != NULL)
            decl = json_object_get(attrs, key);
    if (!decl)
        return AG_OK;
    path[1].key = key;
    path[1].index = 0;
    if (!json_is_object(decl))
        return fail_at(r, path, 2, 0, "\"attributes\".\"%s\" must be an object of name: type, not %s", key,
                       json_kind(decl));
    json_object_foreach(decl, name, type) {
        ag_attr_type t;
        spec *s;
        path[2].key = name;
        path[2].index = 0;
        if (!json_is_string(type) || ag__json_type_parse(json_string_value(type), &t) != 0)
            return fail_at(r, path, 3, 0, "the type of attribute \"%s\" must be \"string\", \"integer\", \"double\" "
                                          "or \"boolean\"", name);
        if (d == 0 && strcmp(name, "id") == 0 && t != AG_ATTR_STRING)
            return fail_at(r, path, 3, 0, "node ids are strings: \"id\" cannot be declared \"%s\"",
                           json_string_value(type));
        if (own_key(d, name) && d == 1)
            return fail_at(r, path, 3, 1, "\"%s\" is the end of a link, not an attribute", name);
        if (!(s = add_spec(l, name)))
            return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->path);
        s->type = t;
        s->known = s->declared = 1;
    }
    return AG_OK;
}

/* Every column of domain d with its type: the declared ones checked
 * against the values, the others found and typed. */
static ag_status gather_columns(reader *r, int d, spec_list *l)
{
    ag_status st;
    ag_jpath path[3];

    if ((st = read_declarations(r, d, l)) != AG_OK)
        return st;
    if (d == 0 && !find_spec(l, "id")) {
        /* the ids come first unless declared elsewhere */
        spec *s;
        if (!add_spec(l, "id"))
            return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->path);
        memmove(l->v + 1, l->v, (l->n - 1) * sizeof *l->v);
        s = &l->v[0];
        memset(s, 0, sizeof *s);
        s->name = "id";
        s->type = AG_ATTR_STRING;
        s->known = s->declared = 1;
    }
    for (size_t i = 0; i < element_count(r, d); i++) {
        json_t *obj = element(r, d, i), *v;
        const char *key;
        json_object_foreach(obj, key, v) {
            spec *s;
            if (own_key(d, key))
                continue;
            if (!(s = find_spec(l, key)) && !(s = add_spec(l, key)))
                return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->path);
            if (json_is_null(v))
                continue;
            if (!s->known) {
                s->type = type_of(v);
                s->known = 1;
                s->first = i;
            } else if (!s->declared && s->type == AG_ATTR_INT && json_is_real(v)) {
                s->type = AG_ATTR_DOUBLE;   /* integers and reals: doubles */
            } else if (!fits(v, s->type)) {
                size_t n = element_path(r, d, i, key, path);
                if (s->declared)
                    return fail_at(r, path, n, 0, "attribute \"%s\" is declared %s but this value is %s", key,
                                   ag__json_type_name(s->type), json_kind(v));
                if (d == 2)
                    return fail_at(r, path, n, 0, "attribute \"%s\" is %s", key, json_kind(v));
                return fail_at(r, path, n, 0, "attribute \"%s\" is %s here but %s in %s[%zu]", key, json_kind(v),
                               s->type == AG_ATTR_STRING ? "a string"
                               : s->type == AG_ATTR_BOOL ? "a boolean" : "a number",
                               r->list_key[d], s->first);
            }
        }
    }
    for (size_t i = 0; i < l->n; i++)
        if (!l->v[i].known)
            l->v[i].type = AG_ATTR_STRING;   /* only nulls: a column of missing strings */
    return AG_OK;
}

static ag_status fill_columns(reader *r, ag_graph *g, int d, const spec_list *l)
{
    ag_domain dom = d == 0 ? AG_NODES : d == 1 ? AG_EDGES : AG_GRAPH;
    ag_status st;

    for (size_t c = 0; c < l->n; c++) {
        size_t col;
        if ((st = ag__graph_add_column(g, dom, l->v[c].name, l->v[c].type, &col, r->err)) != AG_OK)
            return st;
        if (d == 0 && strcmp(l->v[c].name, "id") == 0) {
            for (size_t i = 0; i < element_count(r, 0); i++)
                if ((st = ag__graph_set_string(g, AG_NODES, col, i, r->ids[i], r->err)) != AG_OK)
                    return st;
            continue;
        }
        for (size_t i = 0; i < element_count(r, d); i++) {
            json_t *v = json_object_get(element(r, d, i), l->v[c].name);
            if (!v || json_is_null(v))
                continue;
            if (json_is_string(v)) {
                if ((st = ag__graph_set_string(g, dom, col, i, json_string_value(v), r->err)) != AG_OK)
                    return st;
            } else if (json_is_array(v) || json_is_object(v)) {
                char *text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
                if (!text)
                    return ag__fail(r->err, AG_ENOMEM, "out of memory reading %s", r->path);
                st = ag__graph_set_string(g, dom, col, i, text, r->err);
                free(text);
                if (st != AG_OK)
                    return st;
            } else if (json_is_boolean(v)) {
                ag__graph_set_number(g, dom, col, i, json_is_true(v) ? 1.0 : 0.0);
            } else {
                ag__graph_set_number(g, dom, col, i, json_number_value(v));
            }
        }
    }
    return AG_OK;
}

typedef struct {
    const char *id;
    size_t index;
} id_rec;

static int by_id(const void *x, const void *y)
{
    int c = strcmp(((const id_rec *)x)->id, ((const id_rec *)y)->id);
    if (c)
        return c;
    return ((const id_rec *)x)->index < ((const id_rec *)y)->index ? -1 : 1;
}

/* The node with this id in the sorted ids, or NULL. */
static const id_rec *find_id(const id_rec *ids, size_t n, const char *id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(ids[mid].id, id);
        if (c == 0)
            return &ids[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* A node id or a link end as text: a string, or an integer in decimal.
 * NULL for anything else. */
static const char *id_text(const json_t *v, char *buf, size_t size)
{
    if (json_is_string(v))
        return json_string_value(v);
    if (json_is_integer(v)) {
        snprintf(buf, size, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
        return buf;
    }
    return NULL;
}

/* Reads the file whole; "-" is not a graph file. */
static ag_status slurp(const char *path, char **out, size_t *len, ag_error *err)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    size_t n = 0, cap = 0;

    *out = NULL;
    if (!fp)
        return ag__fail_at(err, AG_ENOENT, path, 0, 0, "cannot open graph: %s", strerror(errno));
    for (;;) {
        size_t got;
        if (ag__grow((void **)&buf, &cap, n + 65536 + 1, 1) != 0) {
            fclose(fp);
            free(buf);
            return ag__fail(err, AG_ENOMEM, "out of memory reading %s", path);
        }
        got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        int e = errno;
        fclose(fp);
        free(buf);
        return ag__fail_at(err, AG_EIO, path, 0, 0, "cannot read graph: %s", strerror(e ? e : EIO));
    }
    fclose(fp);
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return AG_OK;
}

ag_status ag__graph_read_json(const char *path, ag_graph **out, ag_error *err)
{
    reader r;
    char *data = NULL;
    size_t len = 0, n_nodes = 0, n_links = 0, *from = NULL, *to = NULL;
    id_rec *ids = NULL;
    char **id_copies = NULL;
    spec_list cols[3];
    ag_graph *g = NULL;
    json_error_t jerr;
    ag_status st;
    ag_jpath at[3] = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 } };
    const char *text;

    *out = NULL;
    memset(&r, 0, sizeof r);
    memset(cols, 0, sizeof cols);
    if ((st = slurp(path, &data, &len, err)) != AG_OK)
        return st;
    text = data;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;   /* a byte-order mark */
        len -= 3;
    }
    r.path = path;
    r.text = text;
    r.len = len;
    r.err = err;
    r.root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
    if (!r.root) {
        /* jansson counts columns in characters, 1-based, and sometimes 0 at a line start */
        /* Python's json (networkx) writes NaN and Infinity, which JSON does not have */
        int python = 0;
        {
            size_t pos = (size_t)jerr.position < len ? (size_t)jerr.position : len;
            size_t lo = pos > 12 ? pos - 12 : 0, hi = pos + 12 < len ? pos + 12 : len;
            char near[32];
            memcpy(near, text + lo, hi - lo);
            near[hi - lo] = '\0';
            python = strstr(jerr.text, "invalid token") && (strstr(near, "NaN") || strstr(near, "Infinity"));
        }
        st = ag__fail_at(err, AG_ESYNTAX, path, (unsigned long)(jerr.line > 0 ? jerr.line : 1),
                         (unsigned long)(jerr.column > 0 ? jerr.column : 1), "malformed JSON: %s%s", jerr.text,
                         python ? " (JSON has no NaN or Infinity: write null for a missing value)" : "");
        goto done;
    }
    if (!json_is_object(r.root)) {
        st = fail_at(&r, at, 0, 0, "a node-link graph is an object with \"nodes\" and \"links\", not %s",
                     json_kind(r.root));
        goto done;
    }

    /* the lists */
    r.list_key[0] = "nodes";
    r.list_key[1] = json_object_get(r.root, "links") ? "links" : "edges";
    r.list_key[2] = "graph";
    for (int d = 0; d < 3; d++) {
        json_t *v = json_object_get(r.root, r.list_key[d]);
        at[0].key = r.list_key[d];
        at[0].index = 0;
        if (!v && d == 0) {
            st = fail_at(&r, at, 0, 0, "a node-link graph needs a \"nodes\" list");
            goto done;
        }
        if (v && d < 2 && !json_is_array(v)) {
            st = fail_at(&r, at, 1, 0, "\"%s\" must be a list, not %s", r.list_key[d], json_kind(v));
            goto done;
        }
        if (v && d == 2 && !json_is_object(v)) {
            st = fail_at(&r, at, 1, 0, "\"graph\" must be an object of graph attributes, not %s", json_kind(v));
            goto done;
        }
        r.lists[d] = v;
        for (size_t i = 0; d < 2 && i < element_count(&r, d); i++) {
            if (!json_is_object(element(&r, d, i))) {
                size_t k = element_path(&r, d, i, NULL, at);
                st = fail_at(&r, at, k, 0, "every member of \"%s\" must be an object, not %s", r.list_key[d],
                             json_kind(element(&r, d, i)));
                goto done;
            }
        }
    }
    n_nodes = element_count(&r, 0);
    n_links = element_count(&r, 1);

    /* node ids, unique */
    ids = (id_rec *)malloc((n_nodes ? n_nodes : 1) * sizeof *ids);
    id_copies = (char **)calloc(n_nodes ? n_nodes : 1, sizeof *id_copies);
    from = (size_t *)malloc((n_links ? n_links : 1) * sizeof *from);
    to = (size_t *)malloc((n_links ? n_links : 1) * sizeof *to);
    if (!ids || !id_copies || !from || !to) {
        st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", path);
        goto done;
    }
    for (size_t i = 0; i < n_nodes; i++) {
        char buf[32];
        json_t *v = json_object_get(element(&r, 0, i), "id");
        const char *id = v ? id_text(v, buf, sizeof buf) : NULL;
        size_t k = element_path(&r, 0, i, v ? "id" : NULL, at);
        if (!v) {
            st = fail_at(&r, at, k, 0, "every node needs an \"id\"");
            goto done;
        }
        if (!id) {
            st = fail_at(&r, at, k, 0, "a node id must be a string or an integer, not %s", json_kind(v));
            goto done;
        }
        if (!(id_copies[i] = ag__strdup(id))) {
            st = ag__fail(err, AG_ENOMEM, "out of memory reading %s", path);
            goto done;
        }
        ids[i].id = id_copies[i];
        ids[i].index = i;
    }
    qsort(ids, n_nodes, sizeof *ids, by_id);
    for (size_t i = 1; i < n_nodes; i++) {
        if (strcmp(ids[i - 1].id, ids[i].id) == 0) {
            size_t k = element_path(&r, 0, ids[i].index, "id", at);
            st = fail_at(&r, at, k, 0, "node id \"%s\" is used twice (first by nodes[%zu])", ids[i].id,
                         ids[i - 1].index);
            goto done;
        }
    }

    /* link ends */
    for (size_t e = 0; e < n_links; e++) {
        size_t end[2];
        for (int s = 0; s < 2; s++) {
            const char *key = s ? "target" : "source";
            json_t *v = json_object_get(element(&r, 1, e), key);
            char buf[32];
            const char *id = v ? id_text(v, buf, sizeof buf) : NULL;
            size_t k = element_path(&r, 1, e, v ? key : NULL, at);
            const id_rec *hit;
            if (!v) {
                st = fail_at(&r, at, k, 0, "every link needs a \"%s\"", key);
                goto done;
            }
            if (!id) {
                st = fail_at(&r, at, k, 0, "a link's \"%s\" must be a node id, not %s", key, json_kind(v));
                goto done;
            }
            hit = find_id(ids, n_nodes, id);
            if (!hit) {
                st = fail_at(&r, at, k, 0, "no node has the id \"%s\"", id);
                goto done;
            }
            end[s] = hit->index;
        }
        from[e] = end[0] < end[1] ? end[0] : end[1];
        to[e] = end[0] < end[1] ? end[1] : end[0];
    }

    /* attributes */
    for (int d = 0; d < 3; d++)
        if ((st = gather_columns(&r, d, &cols[d])) != AG_OK)
            goto done;
    if ((st = ag__graph_new(n_nodes, n_links, from, to, &g, err)) != AG_OK)
        goto done;
    r.ids = id_copies;
    for (int d = 0; d < 3; d++)
        if ((st = fill_columns(&r, g, d, &cols[d])) != AG_OK)
            goto done;
    *out = g;
    g = NULL;   /* owned by the caller now */

done:
    ag_graph_free(g);
    for (size_t i = 0; id_copies && i < n_nodes; i++)
        free(id_copies[i]);
    free(id_copies);
    free(ids);
    free(from);
    free(to);
    for (int d = 0; d < 3; d++)
        free(cols[d].v);
    json_decref(r.root);
    free(data);
    return st;
}
