package dev.slipway.schema;

import java.util.Set;

/**
 * What every part of {@link SchemaDdl} needs to know about the whole change.
 *
 * @param from              the schema as it is
 * @param to                the schema as it should be
 * @param plan              where statements go
 * @param rebuiltEnums      enums that are renamed away and created afresh, by qualified name: columns of these types
 *                          are converted, and definitions naming them are dropped and re-created
 * @param replacedRoutines  routines dropped and created again (not replaced in place), by qualified name without
 *                          arguments: whatever calls them is dropped first and re-created after
 */
record DdlContext(SchemaModel from, SchemaModel to, DdlPlan plan, Set<String> rebuiltEnums,
        Set<String> replacedRoutines) {
    /** {@return whether a definition names a rebuilt enum or a replaced routine, so it must be re-created} */
    boolean namesRebuilt(String definition) {
        return Mentions.namesAny(definition, rebuiltEnums) || Mentions.namesAny(definition, replacedRoutines);
    }

    /** {@return whether {@code type} (a column's type as {@code format_type} prints it) is a rebuilt enum} */
    boolean isRebuiltEnum(String type) {
        String element = type.endsWith("[]") ? type.substring(0, type.length() - 2) : type;
        return rebuiltEnums.contains(element);
    }
}
