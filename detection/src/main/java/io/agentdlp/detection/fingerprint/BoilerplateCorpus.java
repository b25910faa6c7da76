package io.agentdlp.detection.fingerprint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The built-in ignore corpus: code that IDEs, code generators and project templates write the same way
 * everywhere, so that sharing it says nothing about where code came from. Generated from templates of
 * the common tools rather than shipped as third-party code: IntelliJ, Eclipse and Visual Studio
 * {@code equals}/{@code hashCode}/{@code toString} (Java, Kotlin, C#, Python), getter and setter
 * ladders, constructor and builder field assignments, Go's generated getters, and string-to-string
 * escape tables. Names are irrelevant (fingerprint shapes are renaming-invariant), so each template is
 * expanded over field kinds and types only: short lists of them plus one long list (a de Bruijn
 * sequence) that holds every run of two or three, so that the k-grams of a generated method of any
 * length appear. Changing the templates changes which code is suppressed, not the index: no rebuild.
 */
final class BoilerplateCorpus {
    /** Java field kinds as equals/hashCode templates treat them. */
    private enum JavaKind { REF, INT, LONG, BOOL, DOUBLE, FLOAT, ARRAY }

    /** Kotlin property kinds as equals/hashCode templates treat them. */
    private enum KotlinKind { PLAIN, NULLABLE, INT, ARRAY }

    private static final String[] JAVA_TYPES = {"T", "int", "long", "boolean", "double", "float", "byte", "char",
            "short", "List<T>", "Map<K, V>", "T[]", "byte[]", "int[]", "Optional<T>"};
    /** Indexes into {@link #JAVA_TYPES} of the type shapes whole generated classes are expanded over. */
    private static final int[] CLASS_TYPES = {0, 1, 2, 3, 4, 5, 9, 11};
    private static final String[] TS_TYPES = {"T", "string", "number", "boolean", "T[]", "T | undefined",
            "Record<K, V>", "Array<T>"};
    private static final String[] CS_TYPES = {"T", "int", "long", "bool", "double", "decimal", "string", "T?",
            "List<T>", "DateTime", "Guid", "byte[]"};
    private static final String[] GO_ZERO = {"\"\"", "0", "false", "nil"};
    private static final String[] GO_TYPES = {"string", "int64", "bool", "*T"};

    private BoilerplateCorpus() {
    }

    /**
     * The corpus texts, one per template family and field list. Lists are as short as the templates
     * allow (about 1 MB of text in all, a few hundred milliseconds to fingerprint in a cold JVM): a k-gram of
     * 16 tokens spans at most three equals terms or two accessors, so every list of that many kinds plus
     * a de Bruijn sequence for the runs inside longer lists covers each k-gram of any length.
     */
    static List<String> texts() {
        List<String> out = new ArrayList<>();
        JavaKind[] javaKinds = JavaKind.values();
        for (int[] kinds : kindLists(javaKinds.length, 3)) {
            out.add(javaObjectsStyle(map(kinds, javaKinds, new JavaKind[kinds.length])));
        }
        for (int[] kinds : withRuns(kindLists(javaKinds.length, 2), javaKinds.length)) {
            JavaKind[] f = map(kinds, javaKinds, new JavaKind[kinds.length]);
            out.add(javaClassicStyle(f));
            out.add(javaEclipseStyle(f));
            out.add(javaInstanceofStyle(f));
        }
        out.add(javaObjectsStyle(map(deBruijn(javaKinds.length, 3), javaKinds, new JavaKind[0])));
        KotlinKind[] kotlinKinds = KotlinKind.values();
        for (int[] kinds : kindLists(kotlinKinds.length, 3)) {
            out.add(kotlin(map(kinds, kotlinKinds, new KotlinKind[kinds.length])));
        }
        out.add(kotlin(map(deBruijn(kotlinKinds.length, 3), kotlinKinds, new KotlinKind[0])));
        for (int[] kinds : withRuns(kindLists(3, 3), 3)) {
            out.add(javaToString(kinds));
        }
        int[] accessorRuns = deBruijn(JAVA_TYPES.length, 2);
        out.add(javaAccessors(accessorRuns));
        out.add(javaConstructorAndBuilder(accessorRuns));
        for (int[] types : kindLists(CLASS_TYPES.length, 2)) {
            int[] javaTypes = new int[types.length];
            for (int i = 0; i < types.length; i++) {
                javaTypes[i] = CLASS_TYPES[types[i]];
            }
            out.add(javaClass(javaTypes));
        }
        for (int[] types : withRuns(kindLists(TS_TYPES.length, 2), TS_TYPES.length)) {
            out.add(typeScript(types));
        }
        for (int[] types : withRuns(kindLists(CS_TYPES.length, 1), CS_TYPES.length)) {
            out.add(cSharp(types));
        }
        for (int fields = 1; fields <= 16; fields++) {
            out.add(oneTokenPerField(fields));
            out.add(python(fields));
        }
        out.add(go(deBruijn(GO_TYPES.length, 3)));
        out.add(escapeTables());
        return out;
    }

    private static <T> T[] map(int[] indexes, T[] values, T[] out) {
        T[] result = out.length == indexes.length ? out : Arrays.copyOf(out, indexes.length);
        for (int i = 0; i < indexes.length; i++) {
            result[i] = values[indexes[i]];
        }
        return result;
    }

    /** {@code lists} plus one list holding every run of two kinds out of {@code n}. */
    private static List<int[]> withRuns(List<int[]> lists, int n) {
        lists.add(deBruijn(n, 2));
        return lists;
    }

    /** Every list of 1..{@code maxLength} kinds out of {@code n}. */
    private static List<int[]> kindLists(int n, int maxLength) {
        List<int[]> out = new ArrayList<>();
        for (int length = 1; length <= maxLength; length++) {
            int[] digits = new int[length];
            while (true) {
                out.add(digits.clone());
                int i = length - 1;
                while (i >= 0 && ++digits[i] == n) {
                    digits[i--] = 0;
                }
                if (i < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /**
     * A sequence over {@code n} symbols in which every run of {@code order} symbols occurs (a de Bruijn
     * sequence, with its first {@code order - 1} symbols repeated at the end so it need not wrap around).
     */
    static int[] deBruijn(int n, int order) {
        List<Integer> seq = new ArrayList<>();
        int[] a = new int[n * order];
        deBruijn(1, 1, n, order, a, seq);
        for (int i = 0; i < order - 1; i++) {
            seq.add(seq.get(i));
        }
        return seq.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void deBruijn(int t, int p, int n, int order, int[] a, List<Integer> seq) {
        if (t > order) {
            if (order % p == 0) {
                for (int j = 1; j <= p; j++) {
                    seq.add(a[j]);
                }
            }
            return;
        }
        a[t] = a[t - p];
        deBruijn(t + 1, p, n, order, a, seq);
        for (int j = a[t - p] + 1; j < n; j++) {
            a[t] = j;
            deBruijn(t + 1, t, n, order, a, seq);
        }
    }

    private static String field(int i) {
        return "f" + i;
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** IntelliJ's default (java.util.Objects) template. */
    private static String javaObjectsStyle(JavaKind[] fields) {
        StringBuilder sb = new StringBuilder("""
                @Override
                public boolean equals(Object o) {
                    if (this == o) return true;
                    if (o == null || getClass() != o.getClass()) return false;
                    Holder that = (Holder) o;
                    return\s""");
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            sb.append(i == 0 ? "" : " && ").append(switch (fields[i]) {
                case REF -> "Objects.equals(" + f + ", that." + f + ")";
                case DOUBLE -> "Double.compare(that." + f + ", " + f + ") == 0";
                case FLOAT -> "Float.compare(that." + f + ", " + f + ") == 0";
                case ARRAY -> "Arrays.equals(" + f + ", that." + f + ")";
                default -> f + " == that." + f;
            });
        }
        sb.append(";\n}\n\n@Override\npublic int hashCode() {\n    return Objects.hash(");
        boolean arrays = false;
        for (int i = 0, n = 0; i < fields.length; i++) {
            if (fields[i] != JavaKind.ARRAY) {
                sb.append(n++ == 0 ? "" : ", ").append(field(i));
            }
            arrays |= fields[i] == JavaKind.ARRAY;
        }
        sb.append(");\n}\n");
        if (arrays) {
            sb.append("\n@Override\npublic int hashCode() {\n    int result = Objects.hash(");
            for (int i = 0, n = 0; i < fields.length; i++) {
                if (fields[i] != JavaKind.ARRAY) {
                    sb.append(n++ == 0 ? "" : ", ").append(field(i));
                }
            }
            sb.append(");\n");
            for (int i = 0; i < fields.length; i++) {
                if (fields[i] == JavaKind.ARRAY) {
                    sb.append("    result = 31 * result + Arrays.hashCode(").append(field(i)).append(");\n");
                }
            }
            sb.append("    return result;\n}\n");
        }
        return sb.toString();
    }

    /** IntelliJ's classic template: one {@code if} per field, hashCode folded with 31. */
    private static String javaClassicStyle(JavaKind[] fields) {
        StringBuilder sb = new StringBuilder("""
                @Override
                public boolean equals(Object o) {
                    if (this == o) return true;
                    if (!(o instanceof Holder)) return false;

                    Holder holder = (Holder) o;

                """);
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            sb.append("    ").append(switch (fields[i]) {
                case REF -> "if (" + f + " != null ? !" + f + ".equals(holder." + f + ") : holder." + f + " != null) return false;";
                case DOUBLE -> "if (Double.compare(holder." + f + ", " + f + ") != 0) return false;";
                case FLOAT -> "if (Float.compare(holder." + f + ", " + f + ") != 0) return false;";
                case ARRAY -> "if (!Arrays.equals(" + f + ", holder." + f + ")) return false;";
                default -> "if (" + f + " != holder." + f + ") return false;";
            }).append('\n');
        }
        sb.append("    return true;\n}\n\n@Override\npublic int hashCode() {\n    int result;\n    long temp;\n");
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            String term = switch (fields[i]) {
                case REF -> "(" + f + " != null ? " + f + ".hashCode() : 0)";
                case INT -> f;
                case LONG -> "(int) (" + f + " ^ (" + f + " >>> 32))";
                case BOOL -> "(" + f + " ? 1 : 0)";
                case FLOAT -> "(" + f + " != 0.0f ? Float.floatToIntBits(" + f + ") : 0)";
                case ARRAY -> "Arrays.hashCode(" + f + ")";
                case DOUBLE -> "(int) (temp ^ (temp >>> 32))";
            };
            if (fields[i] == JavaKind.DOUBLE) {
                sb.append("    temp = Double.doubleToLongBits(").append(f).append(");\n");
            }
            sb.append("    result = ").append(i == 0 ? term : "31 * result + " + term).append(";\n");
        }
        sb.append("    return result;\n}\n");
        return sb.toString();
    }

    /** Eclipse's template: null checks spelled out, hashCode with a {@code prime}. */
    private static String javaEclipseStyle(JavaKind[] fields) {
        StringBuilder sb = new StringBuilder("""
                @Override
                public int hashCode() {
                    final int prime = 31;
                    int result = 1;
                    long temp;
                """);
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            if (fields[i] == JavaKind.DOUBLE) {
                sb.append("    temp = Double.doubleToLongBits(").append(f).append(");\n");
            }
            sb.append("    result = prime * result + ").append(switch (fields[i]) {
                case REF -> "((" + f + " == null) ? 0 : " + f + ".hashCode())";
                case INT -> f;
                case LONG -> "(int) (" + f + " ^ (" + f + " >>> 32))";
                case BOOL -> "(" + f + " ? 1231 : 1237)";
                case FLOAT -> "Float.floatToIntBits(" + f + ")";
                case ARRAY -> "Arrays.hashCode(" + f + ")";
                case DOUBLE -> "(int) (temp ^ (temp >>> 32))";
            }).append(";\n");
        }
        sb.append("""
                    return result;
                }

                @Override
                public boolean equals(Object obj) {
                    if (this == obj)
                        return true;
                    if (obj == null)
                        return false;
                    if (getClass() != obj.getClass())
                        return false;
                    Holder other = (Holder) obj;
                """);
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            sb.append(switch (fields[i]) {
                case REF -> "    if (" + f + " == null) {\n        if (other." + f + " != null)\n            return false;\n"
                        + "    } else if (!" + f + ".equals(other." + f + "))\n        return false;\n";
                case DOUBLE -> "    if (Double.doubleToLongBits(" + f + ") != Double.doubleToLongBits(other." + f + "))\n"
                        + "        return false;\n";
                case FLOAT -> "    if (Float.floatToIntBits(" + f + ") != Float.floatToIntBits(other." + f + "))\n"
                        + "        return false;\n";
                case ARRAY -> "    if (!Arrays.equals(" + f + ", other." + f + "))\n        return false;\n";
                default -> "    if (" + f + " != other." + f + ")\n        return false;\n";
            });
        }
        sb.append("    return true;\n}\n");
        return sb.toString();
    }

    /** The hand-written short form: {@code o == this || o instanceof X && fields equal}, and records' pattern form. */
    private static String javaInstanceofStyle(JavaKind[] fields) {
        StringBuilder cast = new StringBuilder("@Override\npublic boolean equals(Object o) {\n    return (o == this) || (o instanceof Holder");
        StringBuilder pattern = new StringBuilder("@Override\npublic boolean equals(Object o) {\n    return o instanceof Holder other");
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            boolean ref = fields[i] == JavaKind.REF || fields[i] == JavaKind.ARRAY;
            cast.append(" && ").append(ref ? "((Holder) o)." + f + ".equals(" + f + ")" : "((Holder) o)." + f + " == " + f);
            pattern.append("\n            && ").append(ref ? f + ".equals(other." + f + ")" : f + " == other." + f);
        }
        cast.append(");\n}\n\n");
        pattern.append(";\n}\n");
        return cast.append(pattern).toString();
    }

    /** IntelliJ's toString: 0 plain, 1 quoted string, 2 array. */
    private static String javaToString(int[] kinds) {
        StringBuilder sb = new StringBuilder("@Override\npublic String toString() {\n    return \"Holder{\" +\n");
        for (int i = 0; i < kinds.length; i++) {
            String f = field(i);
            String sep = i == 0 ? "\"" : "\", ";
            sb.append("            ").append(switch (kinds[i]) {
                case 1 -> sep + f + "='\" + " + f + " + '\\'' +";
                case 2 -> sep + f + "=\" + Arrays.toString(" + f + ") +";
                default -> sep + f + "=\" + " + f + " +";
            }).append('\n');
        }
        sb.append("            '}';\n}\n");
        return sb.toString();
    }

    /** Getters, boolean getters and setters, in the order IDEs generate them. */
    private static String javaAccessors(int[] types) {
        StringBuilder getters = new StringBuilder();
        StringBuilder setters = new StringBuilder();
        StringBuilder pairs = new StringBuilder();
        StringBuilder thisPairs = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            String t = JAVA_TYPES[types[i]];
            String f = field(i);
            String getter = "    public " + t + " " + (t.equals("boolean") ? "is" : "get") + cap(f) + "() {\n        return ";
            String setter = "    public void set" + cap(f) + "(" + t + " " + f + ") {\n        this." + f + " = " + f
                    + ";\n    }\n\n";
            fields.append("    private ").append(t).append(' ').append(f).append(";\n");
            getters.append(getter).append(f).append(";\n    }\n\n");
            setters.append(setter);
            pairs.append(getter).append(f).append(";\n    }\n\n").append(setter);
            thisPairs.append(getter).append("this.").append(f).append(";\n    }\n\n").append(setter);
        }
        return fields + "\n" + getters + setters + pairs + thisPairs;
    }

    /**
     * A whole generated class in the order IDEs write it (fields, constructor, accessors, equals,
     * hashCode, toString), with and without {@code @Override} on the accessors, so that the k-grams
     * across one generated method into the next are in the corpus too.
     */
    private static String javaClass(int[] types) {
        JavaKind[] kinds = new JavaKind[types.length];
        int[] printed = new int[types.length];
        for (int i = 0; i < types.length; i++) {
            String t = JAVA_TYPES[types[i]];
            kinds[i] = switch (t) {
                case "int", "byte", "char", "short" -> JavaKind.INT;
                case "long" -> JavaKind.LONG;
                case "boolean" -> JavaKind.BOOL;
                case "double" -> JavaKind.DOUBLE;
                case "float" -> JavaKind.FLOAT;
                default -> t.endsWith("[]") ? JavaKind.ARRAY : JavaKind.REF;
            };
            printed[i] = kinds[i] == JavaKind.ARRAY ? 2 : kinds[i] == JavaKind.REF ? 1 : 0;
        }
        String accessors = javaAccessors(types);
        return "public class Holder {\n" + accessors + javaObjectsStyle(kinds) + "\n" + javaToString(printed) + "\n"
                + accessors.replace("    public ", "    @Override\n    public ") + javaToString(printed) + "\n"
                + javaConstructorAndBuilder(types) + javaClassicStyle(kinds) + "}\n";
    }

    /** All-arguments constructor, then builder-style setters. */
    private static String javaConstructorAndBuilder(int[] types) {
        StringBuilder params = new StringBuilder();
        StringBuilder assign = new StringBuilder();
        StringBuilder checked = new StringBuilder();
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            String t = JAVA_TYPES[types[i]];
            String f = field(i);
            params.append(i == 0 ? "" : ", ").append(t).append(' ').append(f);
            assign.append("        this.").append(f).append(" = ").append(f).append(";\n");
            checked.append("        this.").append(f).append(" = Objects.requireNonNull(").append(f).append(", \"")
                    .append(f).append("\");\n");
            builder.append("    public Builder ").append(f).append('(').append(t).append(' ').append(f)
                    .append(") {\n        this.").append(f).append(" = ").append(f).append(";\n        return this;\n    }\n\n")
                    .append("    public Builder with").append(cap(f)).append('(').append(t).append(' ').append(f)
                    .append(") {\n        this.").append(f).append(" = ").append(f).append(";\n        return this;\n    }\n\n");
        }
        return "    public Holder(" + params + ") {\n" + assign + "    }\n\n    Holder(" + params + ") {\n" + checked
                + "    }\n\n" + builder;
    }

    /** IntelliJ's Kotlin equals/hashCode, with {@code javaClass} and with {@code !is}. */
    private static String kotlin(KotlinKind[] fields) {
        StringBuilder sb = new StringBuilder();
        for (String typeCheck : new String[] {"if (javaClass != other?.javaClass) return false\n\n        other as Holder\n",
                "if (other !is Holder) return false\n"}) {
            sb.append("    override fun equals(other: Any?): Boolean {\n        if (this === other) return true\n        ")
                    .append(typeCheck).append('\n');
            for (int i = 0; i < fields.length; i++) {
                String f = field(i);
                sb.append("        ").append(fields[i] == KotlinKind.ARRAY
                        ? "if (!" + f + ".contentEquals(other." + f + ")) return false"
                        : "if (" + f + " != other." + f + ") return false").append('\n');
            }
            sb.append("\n        return true\n    }\n\n");
        }
        sb.append("    override fun hashCode(): Int {\n");
        for (int i = 0; i < fields.length; i++) {
            String f = field(i);
            String term = switch (fields[i]) {
                case PLAIN -> f + ".hashCode()";
                case NULLABLE -> "(" + f + "?.hashCode() ?: 0)";
                case INT -> f;
                case ARRAY -> f + ".contentHashCode()";
            };
            sb.append("        ").append(i == 0 ? "var result = " + term : "result = 31 * result + " + term).append('\n');
        }
        sb.append("        return result\n    }\n\n    override fun hashCode(): Int {\n        return ")
                .append(field(0)).append(".hashCode()\n    }\n");
        return sb.toString();
    }

    /** Constructor parameter properties, field assignment ladders and accessors in TypeScript and JavaScript. */
    private static String typeScript(int[] types) {
        StringBuilder decl = new StringBuilder();
        StringBuilder params = new StringBuilder();
        StringBuilder assign = new StringBuilder();
        StringBuilder fromOptions = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        StringBuilder js = new StringBuilder();
        StringBuilder untyped = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            String t = TS_TYPES[types[i]];
            String f = field(i);
            untyped.append(i == 0 ? "" : ", ").append(f);
            decl.append("  private readonly ").append(f).append(": ").append(t).append(";\n");
            params.append(i == 0 ? "" : ", ").append(f).append(": ").append(t);
            assign.append("    this.").append(f).append(" = ").append(f).append(";\n");
            fromOptions.append("    this.").append(f).append(" = options.").append(f).append(";\n");
            accessors.append("  get ").append(f).append("(): ").append(t).append(" {\n    return this._").append(f)
                    .append(";\n  }\n\n  set ").append(f).append("(value: ").append(t).append(") {\n    this._").append(f)
                    .append(" = value;\n  }\n\n");
            js.append("  this._").append(f).append(" = ").append(f).append(";\n");
        }
        return "class Holder {\n" + decl + "\n  constructor(" + params + ") {\n" + assign + "  }\n\n  constructor("
                + untyped + ") {\n" + assign + "  }\n\n  constructor(options) {\n"
                + fromOptions + "  }\n\n" + accessors + "}\n\nfunction Holder(" + untyped + ") {\n" + js + assign + "}\n";
    }

    /** Auto-properties and Visual Studio's Equals/GetHashCode. */
    private static String cSharp(int[] types) {
        StringBuilder props = new StringBuilder();
        StringBuilder equals = new StringBuilder("    public override bool Equals(object obj)\n    {\n        return obj is Holder other");
        StringBuilder comparer = new StringBuilder("    public bool Equals(Holder other)\n    {\n        return other != null");
        StringBuilder hash = new StringBuilder("    public override int GetHashCode()\n    {\n        int hashCode = 1234567;\n");
        StringBuilder combine = new StringBuilder("    public override int GetHashCode()\n    {\n        return HashCode.Combine(");
        for (int i = 0; i < types.length; i++) {
            String t = CS_TYPES[types[i]];
            String p = cap(field(i));
            props.append("    public ").append(t).append(' ').append(p).append(" { get; set; }\n")
                    .append("    public ").append(t).append(' ').append(p).append(" { get; }\n")
                    .append("    public ").append(t).append(' ').append(p).append(" { get; init; }\n");
            equals.append(" &&\n               ").append(p).append(" == other.").append(p);
            comparer.append(" &&\n               EqualityComparer<").append(t).append(">.Default.Equals(").append(p)
                    .append(", other.").append(p).append(')');
            hash.append("        hashCode = hashCode * -1521134295 + ").append(p).append(".GetHashCode();\n")
                    .append("        hashCode = hashCode * -1521134295 + EqualityComparer<").append(t)
                    .append(">.Default.GetHashCode(").append(p).append(");\n");
            combine.append(i == 0 ? "" : ", ").append(p);
        }
        return props + "\n" + equals + ";\n    }\n\n" + comparer + ";\n    }\n\n" + hash + "        return hashCode;\n    }\n\n"
                + combine + ");\n    }\n";
    }

    /** {@code __init__} assignment ladders, {@code __eq__}, {@code __hash__} and {@code __repr__}. */
    private static String python(int fields) {
        StringBuilder params = new StringBuilder();
        StringBuilder assign = new StringBuilder();
        StringBuilder eq = new StringBuilder();
        StringBuilder tuple = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            String f = field(i);
            params.append(", ").append(f);
            assign.append("        self.").append(f).append(" = ").append(f).append('\n');
            eq.append(i == 0 ? "" : " and ").append("self.").append(f).append(" == other.").append(f);
            tuple.append(i == 0 ? "" : ", ").append("self.").append(f);
        }
        return "class Holder:\n    def __init__(self" + params + "):\n" + assign + "\n    def __eq__(self, other):\n"
                + "        if not isinstance(other, Holder):\n            return NotImplemented\n        return " + eq
                + "\n\n    def __eq__(self, other):\n        if isinstance(other, Holder):\n            return " + eq
                + "\n        return False\n\n    def __hash__(self):\n        return hash((" + tuple + (fields == 1 ? "," : "")
                + "))\n\n    def __repr__(self):\n        return f\"Holder({" + tuple + "})\"\n";
    }

    /**
     * Code with one token per field in a row (hash calls, untyped constructor parameters): a k-gram
     * spans a whole list of up to a dozen fields, so each field count is its own shape.
     */
    private static String oneTokenPerField(int fields) {
        StringBuilder plain = new StringBuilder();
        StringBuilder self = new StringBuilder();
        StringBuilder assign = new StringBuilder();
        for (int i = 0; i < fields; i++) {
            plain.append(i == 0 ? "" : ", ").append(field(i));
            self.append(i == 0 ? "" : ", ").append("self.").append(field(i));
            assign.append("    this.").append(field(i)).append(" = ").append(field(i)).append(";\n");
        }
        return "@Override\npublic int hashCode() {\n    return Objects.hash(" + plain + ");\n}\n\n"
                + "public override int GetHashCode()\n{\n    return HashCode.Combine(" + plain + ");\n}\n\n"
                + "public override int GetHashCode() => HashCode.Combine(" + plain + ");\n\n"
                + "    def __hash__(self):\n        return hash((" + self + (fields == 1 ? "," : "") + "))\n\n"
                + "  constructor(" + plain + ") {\n" + assign + "  }\n\n"
                + "function Holder(" + plain + ") {\n" + assign + "}\n";
    }

    /** Getters as protoc-gen-go writes them. */
    private static String go(int[] types) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            String f = cap(field(i));
            sb.append("func (x *Holder) Get").append(f).append("() ").append(GO_TYPES[types[i]]).append(" {\n\tif x != nil {\n")
                    .append("\t\treturn x.").append(f).append("\n\t}\n\treturn ").append(GO_ZERO[types[i]]).append("\n}\n\n");
        }
        return sb.toString();
    }

    /** Character escape and replacement tables: string keys to string values, as object, map and dict literals. */
    private static String escapeTables() {
        StringBuilder entries = new StringBuilder();
        StringBuilder puts = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            entries.append("  '").append((char) ('a' + i)).append("': '&#").append(i).append(";',\n");
            puts.append("    m.put(\"").append((char) ('a' + i)).append("\", \"&#").append(i).append(";\");\n");
            cases.append("    case '").append((char) ('a' + i)).append("': return \"&#").append(i).append(";\";\n");
        }
        return "const table = {\n" + entries + "};\n\nTABLE = {\n" + entries + "}\n\nstatic {\n" + puts + "}\n\n"
                + "switch (c) {\n" + cases + "}\n";
    }
}
