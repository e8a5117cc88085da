package dev.slipway.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The catalogue: every lint rule, most serious first. Immutable. */
public final class Rules {
    private static final List<Rule> ALL = List.of(
            new DropTable(), new DropColumn(), new DropSchema(), new DropDatabase(), new Truncate(),
            new TruncateCascade(), new DeleteWithoutWhere(), new UpdateWithoutWhere(), new AddingNotNullColumn(),
            new ConcurrentlyInTransaction(), new TransactionNesting(), new UncommittedTransaction(),
            new UnreplacedPlaceholder(), new DuplicateColumnAssignment(),
            new SetNotNull(), new AddingColumnRewrite(), new AddForeignKey(), new AddCheckConstraint(),
            new ValidateInSameTransaction(), new AddUniqueConstraint(), new AddPrimaryKey(), new AlterColumnType(),
            new RenameColumn(), new RenameTable(), new CreateIndexNonConcurrently(), new DropIndexNonConcurrently(),
            new ReindexNonConcurrently(), new DetachPartitionNonConcurrently(),
            new DetachConcurrentlyUnsupported(), new VacuumFull(), new Cluster(),
            new RefreshMaterializedView(), new LockTable(), new AlterDomainAddConstraint(), new TableRewrite(),
            new LargeUpdateWithoutBatch(),
            new PreferBigintOverInt(), new PreferBigintOverSmallint(), new PreferIdentity(), new PreferTextField(),
            new PreferTimestamptz(), new CharField(), new IdentifierTooLong(), new CreateDomainWithConstraint());

    private static final List<RuleInfo> INFOS = collectInfos();

    private Rules() {
    }

    /** {@return every rule that judges statements} */
    public static List<Rule> all() {
        return ALL;
    }

    /**
     * {@return what every rule is about, including the file-level checks {@code sql-syntax} and
     * {@code invalid-directive}}
     */
    public static List<RuleInfo> infos() {
        return INFOS;
    }

    private static List<RuleInfo> collectInfos() {
        List<RuleInfo> infos = new ArrayList<>();
        infos.add(FileRules.SQL_SYNTAX);
        infos.add(FileRules.INVALID_DIRECTIVE);
        for (Rule rule : ALL) {
            infos.add(rule.info());
        }
        return List.copyOf(infos);
    }

    /** {@return the ids of every rule} */
    public static List<String> ids() {
        return INFOS.stream().map(RuleInfo::id).toList();
    }

    /** {@return what the rule with this id is about, if there is one} */
    public static Optional<RuleInfo> info(String id) {
        return INFOS.stream().filter(info -> info.id().equals(id)).findFirst();
    }
}
