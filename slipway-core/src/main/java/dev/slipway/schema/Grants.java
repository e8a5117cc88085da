package dev.slipway.schema;

import dev.slipway.schema.DdlPlan.Phase;
import java.util.List;

/**
 * The privileges granted on a schema, table, view, sequence or routine, as its access control list holds them, and the
 * {@code GRANT} and {@code REVOKE} statements between two such lists. Each privilege reads
 * {@code SELECT to reporting}, {@code EXECUTE to PUBLIC} or {@code INSERT to app with grant option}. The owner's own
 * privileges are left out: they are the defaults, and the owner of a scratch database's objects is another role than
 * the live database's. A column's privileges ({@code GRANT SELECT (email) ON ...}) are read per column. Stateless.
 */
final class Grants {
    /** What a routine has without any GRANT: PostgreSQL lets everyone execute it. */
    static final List<String> ROUTINE_DEFAULTS = List.of("EXECUTE to PUBLIC");
    private static final String TO = " to ";
    private static final String WITH_GRANT_OPTION = " with grant option";

    private Grants() {
    }

    /**
     * {@return the select-list expression of the sorted privileges of an object}
     *
     * @param acl   the catalog's column holding the list, e.g. {@code c.relacl}; null means the defaults
     * @param kind  the object kind {@code acldefault} knows: {@code r} relation, {@code s} sequence,
     *              {@code f} routine, {@code n} schema
     * @param owner the column holding the owner's oid
     */
    static String column(String acl, char kind, String owner) {
        return "array(select a.privilege_type || '" + TO + "' || case when a.grantee = 0 then 'PUBLIC'"
                + " else quote_ident(pg_get_userbyid(a.grantee)) end"
                + " || case when a.is_grantable then '" + WITH_GRANT_OPTION + "' else '' end"
                + " from aclexplode(coalesce(" + acl + ", acldefault('" + kind + "', " + owner + "))) a"
                + " where a.grantee <> " + owner + " order by 1)";
    }

    /**
     * Adds to {@code plan} the statements that turn the privileges {@code before} on {@code target} (e.g.
     * {@code TABLE app.orders}) into {@code after}: every REVOKE first, then every GRANT, so that a privilege whose
     * grant option changed is revoked and granted again.
     */
    static void between(DdlPlan plan, String target, List<String> before, List<String> after) {
        for (String privilege : before) {
            if (!after.contains(privilege)) plan.add(Phase.GRANTS, revoke(privilege, target));
        }
        for (String privilege : after) {
            if (!before.contains(privilege)) plan.add(Phase.GRANTS, grant(privilege, target));
        }
    }

    /**
     * Adds to {@code plan} the statements that turn the privileges {@code before} on one column of {@code table}
     * into {@code after}, e.g. {@code GRANT SELECT (email) ON TABLE app.users TO reporting}.
     *
     * @param column the column's name as SQL writes it (quoted where needed)
     */
    static void betweenOnColumn(DdlPlan plan, String table, String column, List<String> before, List<String> after) {
        between(plan, "TABLE " + table, onColumn(before, column), onColumn(after, column));
    }

    /** {@return each privilege ({@code SELECT to x}) limited to {@code column}: {@code SELECT (email) to x}} */
    private static List<String> onColumn(List<String> privileges, String column) {
        return privileges.stream().map(privilege -> {
            int to = privilege.indexOf(TO);
            return privilege.substring(0, to) + " (" + column + ")" + privilege.substring(to);
        }).toList();
    }

    private static String grant(String privilege, String target) {
        boolean grantOption = privilege.endsWith(WITH_GRANT_OPTION);
        String plain = grantOption ? privilege.substring(0, privilege.length() - WITH_GRANT_OPTION.length())
                : privilege;
        int to = plain.indexOf(TO);
        return "GRANT " + plain.substring(0, to) + " ON " + target + " TO " + plain.substring(to + TO.length())
                + (grantOption ? " WITH GRANT OPTION" : "");
    }

    private static String revoke(String privilege, String target) {
        String plain = privilege.endsWith(WITH_GRANT_OPTION)
                ? privilege.substring(0, privilege.length() - WITH_GRANT_OPTION.length()) : privilege;
        int to = plain.indexOf(TO);
        return "REVOKE " + plain.substring(0, to) + " ON " + target + " FROM " + plain.substring(to + TO.length());
    }
}
