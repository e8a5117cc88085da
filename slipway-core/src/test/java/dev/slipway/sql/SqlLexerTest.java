package dev.slipway.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    /** The tokens as {@code TYPE text}, so a whole tokenization reads as one list. */
    private static List<String> lex(String sql) {
        return SqlLexer.tokenize(sql).stream().map(t -> t.type() + " " + t.text()).toList();
    }

    private static List<String> significant(String sql) {
        return SqlLexer.tokenize(sql).stream().filter(Token::isSignificant).map(t -> t.type() + " " + t.text())
                .toList();
    }

    @Test
    void wordsWhitespaceAndPunctuation() {
        assertThat(lex("SELECT a.b, c\tFROM t;")).containsExactly(
                "WORD SELECT", "WHITESPACE  ", "WORD a", "PUNCTUATION .", "WORD b", "PUNCTUATION ,",
                "WHITESPACE  ", "WORD c", "WHITESPACE \t", "WORD FROM", "WHITESPACE  ", "WORD t", "SEMICOLON ;");
    }

    @Test
    void wordsMayHoldDigitsDollarsAndNonAsciiLetters() {
        assertThat(significant("select _x1$y, café, größe")).containsExactly(
                "WORD select", "WORD _x1$y", "PUNCTUATION ,", "WORD café", "PUNCTUATION ,", "WORD größe");
    }

    @Test
    void quotedIdentifiersDoubleTheirQuotes() {
        assertThat(significant("select \"a \"\"b\"\"; c\" from U&\"d\\0061t\"")).containsExactly(
                "WORD select", "QUOTED_IDENTIFIER \"a \"\"b\"\"; c\"", "WORD from",
                "QUOTED_IDENTIFIER U&\"d\\0061t\"");
    }

    @Test
    void standardStringsDoubleQuotesAndKeepBackslashesLiteral() {
        assertThat(significant("select 'it''s', 'C:\\dir\\', ''")).containsExactly(
                "WORD select", "STRING 'it''s'", "PUNCTUATION ,", "STRING 'C:\\dir\\'", "PUNCTUATION ,",
                "STRING ''");
    }

    @Test
    void escapeStringsHonourBackslashes() {
        assertThat(significant("select E'a\\';b', e'\\\\', E'x''y'")).containsExactly(
                "WORD select", "STRING E'a\\';b'", "PUNCTUATION ,", "STRING e'\\\\'", "PUNCTUATION ,",
                "STRING E'x''y'");
    }

    @Test
    void bitHexNationalAndUnicodeStrings() {
        assertThat(significant("B'1010' x'1F' N'näme' U&'d\\0061t' UESCAPE '!'")).containsExactly(
                "STRING B'1010'", "STRING x'1F'", "STRING N'näme'", "STRING U&'d\\0061t'", "WORD UESCAPE",
                "STRING '!'");
    }

    @Test
    void aPrefixLetterInsideAWordDoesNotStartAString() {
        assertThat(significant("type'x' date'2020-01-01'")).containsExactly(
                "WORD type", "STRING 'x'", "WORD date", "STRING '2020-01-01'");
    }

    @Test
    void stringsSeparatedByALineBreakAreOneConstant() {
        // The continuation is read in the first part's mode, so \' inside it does not end the string.
        assertThat(significant("select E'a'\n  'b\\';c' -- x\n 'd', 'e' 'f'")).containsExactly(
                "WORD select", "STRING E'a'\n  'b\\';c' -- x\n 'd'", "PUNCTUATION ,", "STRING 'e'", "STRING 'f'");
    }

    @Test
    void dollarQuotesEndOnlyAtTheirOwnTag() {
        String body = "$fn$ BEGIN RETURN $$x$$ || $f$; END; $fn$";
        assertThat(significant("AS " + body + " LANGUAGE plpgsql")).containsExactly(
                "WORD AS", "DOLLAR_STRING " + body, "WORD LANGUAGE", "WORD plpgsql");
        assertThat(significant("do $$ select ';' $$")).containsExactly("WORD do", "DOLLAR_STRING $$ select ';' $$");
    }

    @Test
    void aDollarInsideAWordIsPartOfTheWord() {
        assertThat(significant("select a$b$ from t")).containsExactly(
                "WORD select", "WORD a$b$", "WORD from", "WORD t");
    }

    @Test
    void parametersAndLoneDollars() {
        assertThat(significant("select $1, $12::int, $ x")).containsExactly(
                "WORD select", "PARAMETER $1", "PUNCTUATION ,", "PARAMETER $12", "PUNCTUATION ::", "WORD int",
                "PUNCTUATION ,", "PUNCTUATION $", "WORD x");
    }

    @Test
    void numbers() {
        assertThat(significant("1 42.5 .5 1. 6.02e23 1e-3 1_000 0x1F 0o17 0b101 0x_ff")).allMatch(
                t -> t.startsWith("NUMBER ")).hasSize(11);
        assertThat(significant("1..10")).containsExactly("NUMBER 1", "PUNCTUATION ..", "NUMBER 10");
        assertThat(significant("1e")).containsExactly("NUMBER 1", "WORD e");
        assertThat(significant("0xg")).containsExactly("NUMBER 0", "WORD xg");
    }

    @Test
    void operatorsFollowTheServersLongestMatchRules() {
        assertThat(significant("a->>'k' <> b::text")).containsExactly(
                "WORD a", "OPERATOR ->>", "STRING 'k'", "OPERATOR <>", "WORD b", "PUNCTUATION ::", "WORD text");
        // A trailing + or - is split off unless the operator holds one of ~!@#^&|`?%.
        assertThat(significant("a=-1")).containsExactly("WORD a", "OPERATOR =", "OPERATOR -", "NUMBER 1");
        assertThat(significant("a@-1")).containsExactly("WORD a", "OPERATOR @-", "NUMBER 1");
        assertThat(significant("x := 1")).containsExactly("WORD x", "OPERATOR :=", "NUMBER 1");
    }

    @Test
    void commentsInsideAnOperatorRunStartAComment() {
        assertThat(lex("a+--c\n")).containsExactly("WORD a", "OPERATOR +", "LINE_COMMENT --c", "WHITESPACE \n");
        assertThat(lex("a*/*c*/b")).containsExactly("WORD a", "OPERATOR *", "BLOCK_COMMENT /*c*/", "WORD b");
    }

    @Test
    void lineCommentsStopBeforeTheLineBreak() {
        assertThat(lex("-- a; b\r\nx")).containsExactly("LINE_COMMENT -- a; b", "WHITESPACE \r\n", "WORD x");
    }

    @Test
    void blockCommentsNest() {
        assertThat(lex("/* a /* b; */ c */x")).containsExactly("BLOCK_COMMENT /* a /* b; */ c */", "WORD x");
        assertThat(lex("/**/ /*/ */")).containsExactly("BLOCK_COMMENT /**/", "WHITESPACE  ", "BLOCK_COMMENT /*/ */");
    }

    @Test
    void psqlMetaCommandsAreRecognisedAtTheStartOfALine() {
        assertThat(lex("\\set x 1\n  \\connect db\nselect '\\x' \\y")).containsExactly(
                "PSQL_META \\set x 1", "WHITESPACE \n  ", "PSQL_META \\connect db", "WHITESPACE \n",
                "WORD select", "WHITESPACE  ", "STRING '\\x'", "WHITESPACE  ", "PUNCTUATION \\", "WORD y");
    }

    @Test
    void charactersWithoutAMeaningAreSingleTokens() {
        assertThat(significant("{}\u0001")).containsExactly("PUNCTUATION {", "PUNCTUATION }", "PUNCTUATION \u0001");
    }

    @Test
    void aByteOrderMarkAtTheStartIsWhitespace() {
        List<Token> tokens = SqlLexer.tokenize("\uFEFFselect 1");
        assertThat(tokens.get(0).type()).isEqualTo(TokenType.WHITESPACE);
        assertThat(tokens.get(1)).isEqualTo(new Token(TokenType.WORD, "select", 1, 1, 1));
    }

    @Test
    void positionsAreOneBasedLinesAndCodePointColumns() {
        List<Token> tokens = SqlLexer.tokenize("a\r\n  b\rc\n\uD83D\uDE00 d");
        assertThat(tokens).filteredOn(Token::isSignificant).extracting(Token::text, Token::offset, Token::line,
                Token::column).containsExactly(
                tuple("a", 0, 1, 1),
                tuple("b", 5, 2, 3),
                tuple("c", 7, 3, 1),
                tuple("\uD83D\uDE00", 9, 4, 1),
                tuple("d", 12, 4, 3));
    }

    @Test
    void endLineIsTheLineOfTheLastCharacter() {
        Token body = SqlLexer.tokenize("x $$\r\na\nb\rc$$").get(2);
        assertThat(body.line()).isEqualTo(1);
        assertThat(body.endLine()).isEqualTo(4);
    }

    @Test
    void tokensReassembleTheInput() {
        String sql = "/* c */ CREATE FUNCTION f() RETURNS int AS $$ select 1 $$ LANGUAGE sql;\n-- end\n";
        assertThat(String.join("", SqlLexer.tokenize(sql).stream().map(Token::text).toList())).isEqualTo(sql);
    }

    @Test
    void unterminatedDollarQuoteNamesItsTagAndStart() {
        String sql = "select 1;\n\n\nCREATE FUNCTION f() AS\n    $body$ begin";
        assertThatThrownBy(() -> SqlLexer.tokenize(sql)).isInstanceOfSatisfying(SqlSyntaxException.class, e -> {
            assertThat(e.getMessage()).startsWith("unterminated dollar-quoted string $body$ that starts at line 5, "
                    + "column 5");
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.column()).isEqualTo(5);
        });
    }

    @Test
    void otherUnterminatedConstructsAreErrorsWithTheirStart() {
        assertThatThrownBy(() -> SqlLexer.tokenize("select\n  'abc")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("unterminated quoted string that starts at line 2, column 3");
        assertThatThrownBy(() -> SqlLexer.tokenize("select E'abc\\'")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("unterminated quoted string that starts at line 1, column 8");
        assertThatThrownBy(() -> SqlLexer.tokenize("select \"abc\"\"")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("unterminated quoted identifier that starts at line 1, column 8");
        assertThatThrownBy(() -> SqlLexer.tokenize("/* a /* b */ c")).isInstanceOf(SqlSyntaxException.class)
                .hasMessageStartingWith("unterminated /* comment that starts at line 1, column 1");
    }
}
