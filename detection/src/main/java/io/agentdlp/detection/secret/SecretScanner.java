package io.agentdlp.detection.secret;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.agentdlp.detection.Finding;
import io.agentdlp.detection.KeyedHasher;
import io.agentdlp.detection.Redactor;
import io.agentdlp.detection.TextDetector;
import io.agentdlp.detection.text.AgentText;
import io.agentdlp.detection.text.Base64Blobs;
import io.agentdlp.detection.text.DecodedText;
import io.agentdlp.detection.text.LineIndex;
import io.agentdlp.detection.text.LineStarts;
import io.agentdlp.detection.text.OffsetCursor;
import io.agentdlp.detection.text.PercentDecoder;
import io.agentdlp.detection.text.RenderingBuffers;

/**
 * Finds credentials in text with the rules of a {@link RuleCatalog}.
 *
 * <p>Per text: the JSON-unescaped, line-prefix-stripped rendering is scanned once by an Aho-Corasick
 * automaton over every rule's keywords; each rule's pattern then runs only in windows around its keyword
 * occurrences. The percent-decoded rendering (if any) and text-like base64 runs (recursively, up to
 * {@code maxDecodeDepth}) are scanned the same way. Findings report locations in the original text and
 * carry a redacted preview and a keyed hash of the secret, never the secret.
 *
 * <p>Immutable and thread-safe; per-thread scratch state is reused across scans.
 */
public final class SecretScanner implements TextDetector {
    public static final String DETECTOR = "secret";
    public static final int DEFAULT_MAX_SCAN_CHARS = 16 * 1024 * 1024;
    public static final int DEFAULT_MAX_DECODE_DEPTH = 2;
    /**
     * Chars around a percent-escape that are scanned again percent-decoded: more than any rule's window
     * except the PEM blocks', whose encoded form carries an escape on every line.
     */
    static final int PERCENT_MARGIN = 1024;
    /** The workspace keeps its array of a view's {@code '%'} indices from view to view up to this size. */
    private static final int MAX_KEPT_PERCENTS = 1 << 16;
    /**
     * Chars of a view whose keyword windows are evaluated together, every rule's in turn, before the next
     * stretch's: rule by rule over a whole large view (a 10 MB text is a 20 MB view), the text of each rule's
     * windows and the matchers' state are fetched from memory again for every rule; a stretch's stay in the cache.
     */
    static final int DEFAULT_EVALUATION_STRETCH = 32 * 1024;
    /**
     * Distinct values whose check verdicts a scan remembers at most; a scan that meets more forgets them all and
     * starts over. A 10 MB text meets some 30,000, and a table of that size misses the cache at every lookup,
     * while most repeats of a value lie near its previous occurrence: the benchmark's 10 MB text checks 0.4 % more
     * values with this limit than without.
     */
    static final int DEFAULT_VALUE_MEMO_LIMIT = 1024;
    /** {@link Workspace#hit}'s mark for an assignment operator not looked for yet at the hit. */
    private static final int OPERATOR_NOT_SOUGHT = -2;

    private final SecretRule[] rules;
    private final KeywordAutomaton automaton;
    /** Per keyword, the rules its hits start work for (paired rules wait for their required rule). */
    private final int[][] rulesByKeyword;
    private final int[] keywordLengths;
    /**
     * Keywords made of assignment name chars ({@code [\w.\-]}): the automaton matches ASCII case variants only, so
     * the text at such a hit is part of the name run and the walk to the operator starts after it.
     */
    private final boolean[] nameKeyword;
    /**
     * The automaton's keyword {@code "%"}: the automaton walks every view anyway, so its first hit tells where
     * the percent layer's search for escapes starts, and a view without one skips that search.
     */
    private final int percentSign;
    /** True when no rule has the keyword {@code "%"}: its hits then only mark where escapes may be. */
    private final boolean percentSignMarksOnly;
    /** Per rule, hot fields of {@link SecretRule} in flat arrays for the keyword-hit loop. */
    private final boolean[] anchored;
    /** Per rule: anchored, and {@link PatternShape#startsWithAssignment}: a hit without an operator after the name is dropped. */
    private final boolean[] assignmentGated;
    /** Per rule: gated, with its regex matched by hand after the prefix ({@link AssignmentMatcher}), or null. */
    private final AssignmentMatcher[] assignmentMatchers;
    /** Per rule: a necessary condition of its {@code reject} pattern checked before the regex ({@link StopwordRejectGate}), or null. */
    private final StopwordRejectGate[] rejectGates;
    /**
     * Per rule: anchored, not an assignment, matched by hand with its own secret group and match end
     * ({@link AuthorizationHeaderMatcher}, {@link Base64ValueMatcher}, {@link UrlCredentialsMatcher}), or null.
     */
    private final AnchoredMatcher[] anchoredMatchers;
    /**
     * Per rule: of the fixed-prefix token shape and matched by hand ({@link PrefixTokenMatcher}): at the keyword
     * when anchored, else searched in the window; or null.
     */
    private final PrefixTokenMatcher[] prefixTokens;
    /** Per rule: anchored, not a {@link #prefixTokens} rule, a token of several parts matched by hand ({@link TokenSequenceMatcher}), or null. */
    private final TokenSequenceMatcher[] tokenSequences;
    /** Per rule: searched, and searched by hand ({@link OpenAiKeySearch}, {@link NpmrcTokenSearch}), or null. */
    private final SearchedMatcher[] searchedByHand;
    /** Per rule: searched, not by hand, and every match starts with this literal ({@link LeadingLiteral}), or null. */
    private final LeadingLiteral[] leadingLiterals;
    /** Per rule: anchored with a {@link PatternShape#userinfoGate} (URL credentials), or null. */
    private final PatternShape.UserinfoGate[] userinfoGates;
    /** Per rule: its allow patterns of a shape matched by hand ({@link AllowShape}). */
    private final AllowShapeSet[] allowShapes;
    /**
     * Per rule: its other allow patterns that can only match at the start ({@link PatternShape#startAnchored}) as
     * one alternation tried with {@code lookingAt}, or null; one matcher call instead of one per pattern.
     */
    private final Pattern[] allowAtStart;
    /** Per rule: indexes of the remaining allow patterns, searched one by one. */
    private final int[][] allowSearched;
    private final int[] windowBefore;
    private final int[] windowAfter;
    private final int[] keywordlessRules;
    private final int[] required;
    private final int[] pairedRules;
    /**
     * Per rule, its check profile: rules with the same minimum entropy, allow patterns and validator
     * accept exactly the same values, so a value's verdict is shared between them ({@link ValueChecks}).
     */
    private final int[] checkProfile;
    private final PlaceholderMatcher placeholders;
    private final KeyedHasher hasher;
    private final Redactor redactor;
    private final int maxScanChars;
    private final int maxDecodeDepth;
    private final int evaluationStretch;
    /** Chars of the longest keyword: the automaton's state at a char depends on no more chars than these before it. */
    private final int longestKeyword;
    private final int valueMemoLimit;
    private final ThreadLocal<Workspace> workspaces;
    /**
     * Which of two overlapping candidates is reported: a specific rule before a generic one, then the
     * higher confidence, the longer span, the earlier start, the rule id. The rule parts are ranks
     * computed once ({@link #ranks}), so comparing two candidates reads ints only.
     */
    private final Comparator<Candidate> overlapPriority;
    /** The order of the reported findings: offset, then rule id. */
    private final Comparator<Candidate> reportOrder;
    /** Per rule, its rank in the rule part of {@link #overlapPriority} and by id, and the bits of the largest. */
    private final int[] priorityRank;
    private final int[] idRank;
    private final int priorityRankBits;
    private final int idRankBits;

    private SecretScanner(Builder b) {
        this.rules = b.catalog.rules().toArray(SecretRule[]::new);
        this.hasher = Objects.requireNonNull(b.hasher, "hasher");
        this.redactor = b.redactor;
        this.maxScanChars = b.maxScanChars;
        this.maxDecodeDepth = b.maxDecodeDepth;
        this.evaluationStretch = b.evaluationStretch;
        this.valueMemoLimit = b.valueMemoLimit;

        Map<String, Integer> keywordIds = new HashMap<>();
        List<String> keywords = new ArrayList<>();
        List<List<Integer>> byKeyword = new ArrayList<>();
        List<Integer> keywordless = new ArrayList<>();
        Map<String, Integer> ruleIndex = new HashMap<>();
        for (int r = 0; r < rules.length; r++) {
            ruleIndex.put(rules[r].id(), r);
            if (rules[r].keywords().isEmpty()) {
                keywordless.add(r);
            }
            for (String k : rules[r].keywords()) {
                int id = keywordIds.computeIfAbsent(k, x -> {
                    keywords.add(x);
                    byKeyword.add(new ArrayList<>());
                    return keywords.size() - 1;
                });
                if (!byKeyword.get(id).contains(r)) {
                    byKeyword.get(id).add(r);
                }
            }
        }
        this.percentSignMarksOnly = !keywordIds.containsKey("%");
        this.percentSign = keywordIds.computeIfAbsent("%", x -> {
            keywords.add(x);
            byKeyword.add(new ArrayList<>());
            return keywords.size() - 1;
        });
        this.automaton = new KeywordAutomaton(keywords);
        this.longestKeyword = keywords.stream().mapToInt(String::length).max().orElse(0);
        this.rulesByKeyword = byKeyword.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).filter(r -> rules[r].requires() == null).toArray())
                .toArray(int[][]::new);
        this.keywordLengths = keywords.stream().mapToInt(String::length).toArray();
        this.nameKeyword = new boolean[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            nameKeyword[k] = keywords.get(k).chars().allMatch(c -> PatternShape.isNameChar((char) c));
        }
        this.anchored = new boolean[rules.length];
        this.assignmentGated = new boolean[rules.length];
        this.allowShapes = new AllowShapeSet[rules.length];
        this.allowAtStart = new Pattern[rules.length];
        this.userinfoGates = new PatternShape.UserinfoGate[rules.length];
        this.assignmentMatchers = new AssignmentMatcher[rules.length];
        this.prefixTokens = new PrefixTokenMatcher[rules.length];
        this.anchoredMatchers = new AnchoredMatcher[rules.length];
        this.rejectGates = new StopwordRejectGate[rules.length];
        this.leadingLiterals = new LeadingLiteral[rules.length];
        this.searchedByHand = new SearchedMatcher[rules.length];
        this.tokenSequences = new TokenSequenceMatcher[rules.length];
        this.allowSearched = new int[rules.length][];
        this.windowBefore = new int[rules.length];
        this.windowAfter = new int[rules.length];
        for (int r = 0; r < rules.length; r++) {
            anchored[r] = rules[r].anchored();
            assignmentGated[r] = anchored[r] && PatternShape.startsWithAssignment(rules[r].pattern().pattern());
            userinfoGates[r] = anchored[r] ? PatternShape.userinfoGate(rules[r].pattern().pattern()) : null;
            assignmentMatchers[r] = assignmentGated[r] && rules[r].secretGroup() == 1
                    ? AssignmentMatcher.of(rules[r].pattern().pattern()) : null;
            prefixTokens[r] = rules[r].secretGroup() == 1 ? PrefixTokenMatcher.of(rules[r].pattern()) : null;
            rejectGates[r] = StopwordRejectGate.of(rules[r].reject(), assignmentMatchers[r]);
            anchoredMatchers[r] = anchored[r] && assignmentMatchers[r] == null ? anchoredMatcher(rules[r]) : null;
            searchedByHand[r] = anchored[r] || rules[r].secretGroup() != 1 ? null : searchedMatcher(rules[r]);
            leadingLiterals[r] = anchored[r] || prefixTokens[r] != null || searchedByHand[r] != null
                    ? null : LeadingLiteral.of(rules[r].pattern());
            tokenSequences[r] = anchored[r] && prefixTokens[r] == null && rules[r].secretGroup() == 1
                    ? TokenSequenceMatcher.of(rules[r].pattern()) : null;
            List<Pattern> allow = rules[r].allow();
            List<AllowShape> shapes = new ArrayList<>();
            List<Pattern> regexes = new ArrayList<>();
            List<Integer> searched = new ArrayList<>();
            for (int i = 0; i < allow.size(); i++) {
                AllowShape shape = AllowShape.of(allow.get(i));
                if (shape != null) {
                    shapes.add(shape);
                } else if (PatternShape.inStartAnchoredUnion(allow.get(i))) {
                    regexes.add(allow.get(i));
                } else {
                    searched.add(i);
                }
            }
            allowShapes[r] = new AllowShapeSet(shapes.toArray(AllowShape[]::new));
            allowAtStart[r] = PatternShape.startAnchoredUnion(regexes);
            allowSearched[r] = searched.stream().mapToInt(Integer::intValue).toArray();
            windowBefore[r] = rules[r].windowBefore();
            windowAfter[r] = rules[r].windowAfter();
        }
        this.checkProfile = checkProfiles(rules);
        this.keywordlessRules = keywordless.stream().mapToInt(Integer::intValue).toArray();
        this.required = new int[rules.length];
        for (int r = 0; r < rules.length; r++) {
            required[r] = rules[r].requires() == null ? -1 : ruleIndex.get(rules[r].requires());
        }
        this.pairedRules = IntStream.range(0, rules.length).filter(r -> required[r] >= 0).toArray();
        this.placeholders = new PlaceholderMatcher(b.catalog.placeholders());
        this.workspaces = ThreadLocal.withInitial(() -> new Workspace(rules.length));
        int[] priorityRank = ranks(rules, Comparator.<SecretRule>comparingInt(rule -> rule.generic() ? 1 : 0)
                .thenComparing(Comparator.comparingDouble(SecretRule::confidence).reversed()));
        int[] idRank = ranks(rules, Comparator.comparing(SecretRule::id));
        this.priorityRank = priorityRank;
        this.idRank = idRank;
        this.priorityRankBits = PackedOrder.bits(Arrays.stream(priorityRank).max().orElse(0));
        this.idRankBits = PackedOrder.bits(Arrays.stream(idRank).max().orElse(0));
        this.overlapPriority = (x, y) -> {
            int c = Integer.compare(priorityRank[x.rule], priorityRank[y.rule]);
            if (c == 0) {
                c = Integer.compare(y.originalEnd - y.originalStart, x.originalEnd - x.originalStart);
            }
            if (c == 0) {
                c = Integer.compare(x.originalStart, y.originalStart);
            }
            return c != 0 ? c : Integer.compare(idRank[x.rule], idRank[y.rule]);
        };
        this.reportOrder = (x, y) -> {
            int c = Integer.compare(x.originalStart, y.originalStart);
            return c != 0 ? c : Integer.compare(idRank[x.rule], idRank[y.rule]);
        };
    }

    /** Per rule, its rank in {@code order}; rules the order finds equal share a rank. */
    private static int[] ranks(SecretRule[] rules, Comparator<SecretRule> order) {
        Integer[] sorted = new Integer[rules.length];
        for (int r = 0; r < rules.length; r++) {
            sorted[r] = r;
        }
        Arrays.sort(sorted, (a, b) -> order.compare(rules[a], rules[b]));
        int[] rank = new int[rules.length];
        for (int i = 1; i < sorted.length; i++) {
            boolean tie = order.compare(rules[sorted[i - 1]], rules[sorted[i]]) == 0;
            rank[sorted[i]] = tie ? rank[sorted[i - 1]] : rank[sorted[i - 1]] + 1;
        }
        return rank;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static int[] checkProfiles(SecretRule[] rules) {
        Map<List<Object>, Integer> ids = new HashMap<>();
        int[] profile = new int[rules.length];
        for (int r = 0; r < rules.length; r++) {
            List<Object> key = new ArrayList<>();
            key.add(rules[r].minEntropy());
            key.add(String.valueOf(rules[r].validator()));
            for (Pattern p : rules[r].allow()) {
                key.add(p.pattern());
                key.add(p.flags());
            }
            profile[r] = ids.computeIfAbsent(key, k -> ids.size());
        }
        return profile;
    }

    /** Number of rules in use. */
    public int ruleCount() {
        return rules.length;
    }

    /** Scans {@code text} (its first {@code maxScanChars} chars). */
    public ScanResult scan(CharSequence text) {
        return scan(text, new ScanWork());
    }

    /** {@link TextDetector} view: the findings of {@link #scan(CharSequence)}. */
    @Override
    public List<Finding> detect(CharSequence text) {
        return scan(text).findings();
    }

    ScanResult scan(CharSequence text, ScanWork work) {
        Objects.requireNonNull(text, "text");
        boolean truncated = text.length() > maxScanChars;
        int limit = Math.min(text.length(), maxScanChars);
        Workspace ws = workspaces.get();
        List<Candidate> candidates = new ArrayList<>();
        ws.forgetValues();
        try {
            scanLayer(AgentText.normalize(text, limit, ws.buffers, ws.lineStarts), ws, candidates, work);
            return new ScanResult(findings(text, limit, candidates, ws), truncated);
        } finally {
            // the matched values must not outlive the scan, and its renderings' buffers serve the next one
            ws.forgetValues();
            ws.offsets.clear();
            ws.buffers.releaseAll();
        }
    }

    /** Scans the normalised {@code view}, its percent-decoded parts and its base64 children. */
    private void scanLayer(DecodedText view, Workspace ws, List<Candidate> out, ScanWork work) {
        scanView(view, ws, out, work);
        DecodedText percent = ws.percentCount == 0
                ? view : PercentDecoder.decodeNearEscapes(view, PERCENT_MARGIN, ws.percents, ws.percentCount, ws.buffers);
        if (percent != view) {
            scanView(percent, ws, out, work);
        }
        if (view.depth() < maxDecodeDepth) {
            for (DecodedText child : Base64Blobs.decodeAll(view, ws.buffers)) {
                scanLayer(AgentText.normalize(child, ws.buffers), ws, out, work);
            }
        }
    }

    private void scanView(DecodedText view, Workspace ws, List<Candidate> out, ScanWork work) {
        work.views++;
        ws.begin(view, work);
        try {
            int firstOfView = out.size();
            ws.requiredStarts.reset(firstOfView);
            if (view.length() <= evaluationStretch) {
                automaton.scan(view.buffer(), view.length(), ws);
            } else {
                walkAndEvaluate(view, ws, out, work);
            }
            for (int r : keywordlessRules) {
                if (required[r] < 0) {
                    ws.addWindow(r, 0, view.length());
                }
            }
            int[] touched = ws.sortedTouched();
            // stretch by stretch in text order; a rule's windows keep their order, so do its candidates in out, the
            // only order the findings and the paired rules' windows depend on (candidates compare equal only within a rule)
            for (long stretchEnd = evaluationStretch; ; stretchEnd += evaluationStretch) {
                boolean last = stretchEnd >= view.length();
                for (int r : touched) {
                    evaluate(r, view, ws, out, work, last ? Integer.MAX_VALUE : (int) stretchEnd);
                }
                if (last) {
                    break;
                }
            }
            // rules that need another rule's finding nearby are searched only around those findings
            int phaseOneEnd = out.size();
            for (int r : pairedRules) {
                SecretRule rule = rules[r];
                for (int i = firstOfView; i < phaseOneEnd; i++) {
                    Candidate c = out.get(i);
                    if (c.rule == required[r]) {
                        ws.addWindow(r, Math.max(0, c.decodedStart - rule.requiresWithin()),
                                Math.min(view.length(), c.decodedStart + rule.requiresWithin()));
                    }
                }
                if (ws.winCount[r] > 0) {
                    evaluate(r, view, ws, out, work, Integer.MAX_VALUE);
                }
            }
        } finally {
            // a scan that throws (a user rule overflowing the regex stack) must not leave window counts behind:
            // a rule with a stale count is never listed as touched again, so this thread would stop finding it
            ws.end();
        }
    }

    /**
     * The automaton's walk over a view longer than a stretch, one stretch at a time, each followed by the evaluation
     * of the windows no later hit can change (all but each rule's last: hits only extend or follow a rule's last
     * window), so that those windows' text is read while the walk has left it in the cache instead of after a walk
     * over the whole view. The hits are those of one walk, in the same order: a stretch after the first is walked
     * from the root over the {@link #longestKeyword} chars before it, which fix the state at its first char, and
     * reports only the hits that end inside it.
     */
    private void walkAndEvaluate(DecodedText view, Workspace ws, List<Candidate> out, ScanWork work) {
        char[] chars = view.buffer();
        int length = view.length();
        for (long stretchStart = 0; stretchStart < length; stretchStart += evaluationStretch) {
            int from = (int) stretchStart;
            int to = (int) Math.min(length, stretchStart + evaluationStretch);
            if (from == 0) {
                automaton.scan(chars, to, ws);
            } else {
                int copyFrom = Math.max(0, from - longestKeyword);
                char[] piece = ws.stretchChars(to - copyFrom);
                System.arraycopy(chars, copyFrom, piece, 0, to - copyFrom);
                automaton.scan(piece, to - copyFrom, ws.shiftedHits(copyFrom, from - copyFrom));
            }
            for (int t = 0; t < ws.touchedCount; t++) {
                int r = ws.touched[t];
                evaluateWindows(r, view, ws, out, work, ws.winCount[r] - 1);
            }
        }
    }

    /** Evaluates rule {@code r}'s windows not evaluated yet that start before {@code startsBefore}. */
    private void evaluate(int r, DecodedText view, Workspace ws, List<Candidate> out, ScanWork work,
                          int startsBefore) {
        int[] starts = ws.winStart[r];
        int count = ws.winCount[r];
        int until = ws.winEvaluated[r];
        while (until < count && starts[until] < startsBefore) {
            until++;
        }
        evaluateWindows(r, view, ws, out, work, until);
    }

    /** Evaluates rule {@code r}'s windows not evaluated yet up to window {@code until} (exclusive), in order. */
    private void evaluateWindows(int r, DecodedText view, Workspace ws, List<Candidate> out, ScanWork work, int until) {
        int from = ws.winEvaluated[r];
        if (from >= until) {
            return;
        }
        int[] starts = ws.winStart[r];
        SecretRule rule = rules[r];
        // the regex's matcher is set to the view only when a window needs it: most windows are decided by hand
        Matcher m = null;
        AssignmentMatcher assignment = assignmentMatchers[r];
        Matcher prefix = assignment == null || assignment.prefixByHand() ? null : ws.prefixMatcher(r, assignment.prefix(), view);
        PrefixTokenMatcher token = prefixTokens[r];
        TokenSequenceMatcher sequence = tokenSequences[r];
        LeadingLiteral literal = leadingLiterals[r];
        SearchedMatcher search = searchedByHand[r];
        AnchoredMatcher byHand = anchoredMatchers[r];
        int[] ends = ws.winEnd[r];
        int g = rule.secretGroup();
        boolean anchored = rule.anchored();
        ws.winEvaluated[r] = until;
        for (int w = from; w < until; w++) {
            work.windows++;
            work.windowChars += ends[w] - starts[w];
            if (assignment != null) {
                work.regexFinds++;
                int valueEnd = assignment.match(view.buffer(), view.length(), starts[w], ends[w], prefix, ws.valueStart);
                if (valueEnd == AssignmentMatcher.NO_MATCH) {
                    continue;
                }
                if (valueEnd != AssignmentMatcher.UNDECIDED) {
                    work.handMatched++;
                    consider(r, view, ws, out, ws.valueStart[0], valueEnd, starts[w], valueEnd);
                    continue;
                }
                work.regexFinds--;
            }
            if (byHand != null) {
                work.regexFinds++;
                int matchEnd = byHand.match(view.buffer(), view.length(), starts[w], ends[w], ws.group);
                if (matchEnd == AssignmentMatcher.NO_MATCH) {
                    continue;
                }
                if (matchEnd != AssignmentMatcher.UNDECIDED) {
                    work.handMatched++;
                    consider(r, view, ws, out, ws.group[0], ws.group[1], starts[w], matchEnd);
                    continue;
                }
                work.regexFinds--;
            }
            int regexFrom = starts[w];
            if (search != null) {
                int matchEnd;
                while (true) {
                    work.regexFinds++;
                    matchEnd = search.find(view.buffer(), view.length(), regexFrom, ends[w], ws.group);
                    if (matchEnd < 0) {
                        break;
                    }
                    work.handMatched++;
                    consider(r, view, ws, out, ws.group[1], matchEnd, ws.group[0], matchEnd);
                    regexFrom = matchEnd;
                }
                if (matchEnd != SearchedMatcher.UNDECIDED) {
                    continue;
                }
                // the regex searches on from the last match, where its own find would go on
                work.regexFinds--;
            }
            if (token != null && anchored || sequence != null) {
                work.regexFinds++;
                int tokenEnd = token != null ? token.match(view.buffer(), view.length(), starts[w], ends[w])
                        : sequence.match(view.buffer(), view.length(), starts[w], ends[w]);
                if (tokenEnd == PrefixTokenMatcher.NO_MATCH) {
                    continue;
                }
                if (tokenEnd != PrefixTokenMatcher.UNDECIDED) {
                    work.handMatched++;
                    consider(r, view, ws, out, starts[w], tokenEnd, starts[w], tokenEnd);
                    continue;
                }
                work.regexFinds--;
            } else if (token != null) {
                regexFrom = searchTokens(r, token, view, ws, out, starts[w], ends[w]);
                if (regexFrom < 0) {
                    continue;
                }
            }
            if (m == null) {
                m = ws.matcher(r, rule.pattern(), view);
            }
            m.region(regexFrom, ends[w]);
            boolean more = true;
            int searchFrom = regexFrom;
            while (more) {
                work.regexFinds++;
                if (anchored) {
                    more = false;
                    if (!m.lookingAt()) {
                        break;
                    }
                } else if (literal != null) {
                    // find from the literal's next occurrence: no match starts before it
                    int at = literal.next(view.buffer(), searchFrom, ends[w]);
                    if (at < 0 || !m.region(at, ends[w]).find()) {
                        break;
                    }
                    searchFrom = m.end();
                } else if (!m.find()) {
                    break;
                }
                int sg = m.start(g) >= 0 ? g : firstParticipatingGroup(m);
                int gs = m.start(sg);
                int ge = m.end(sg);
                if (gs < 0 || ge <= gs) {
                    continue;
                }
                consider(r, view, ws, out, gs, ge, m.start(), m.end());
            }
        }
    }

    /**
     * The matches of a searched token rule in {@code [from, end)}, as {@code find} reports them: returns
     * {@link PrefixTokenMatcher#NO_MATCH} when the window is done, or the start from which the regex must
     * search on (a non-ASCII char takes part there).
     */
    private int searchTokens(int r, PrefixTokenMatcher token, DecodedText view, Workspace ws, List<Candidate> out,
                             int from, int end) {
        int at = from;
        while (true) {
            ws.work.regexFinds++;
            int start = token.find(view.buffer(), view.length(), at, end);
            if (start == PrefixTokenMatcher.NO_MATCH) {
                return PrefixTokenMatcher.NO_MATCH;
            }
            int tokenEnd = token.match(view.buffer(), view.length(), start, end);
            if (tokenEnd == PrefixTokenMatcher.UNDECIDED) {
                ws.work.regexFinds--;
                return start;
            }
            ws.work.handMatched++;
            consider(r, view, ws, out, start, tokenEnd, start, tokenEnd);
            at = tokenEnd;
        }
    }

    /** A match of rule {@code r} with its secret at {@code [gs, ge)}: a candidate if it passes the rule's checks. */
    private void consider(int r, DecodedText view, Workspace ws, List<Candidate> out, int gs, int ge,
                          int matchStart, int matchEnd) {
        ValueChecks value = ws.values.entry(view.buffer(), gs, ge);
        if (accept(r, value, ws) && (required[r] < 0 || pairFound(required[r], gs, rules[r].requiresWithin(), out, ws))
                && !rejected(r, matchStart, matchEnd, view, ws)) {
            ws.work.candidates++;
            out.add(new Candidate(r, value.value(), view, gs, ws.offsets.originalOffset(view, gs),
                    ws.offsets.originalOffset(view, ge)));
        }
    }

    /** The rule's {@code reject} pattern matches from the match start, within the match. */
    private boolean rejected(int r, int start, int end, DecodedText view, Workspace ws) {
        Pattern reject = rules[r].reject();
        return reject != null && (rejectGates[r] == null || rejectGates[r].mayMatch(view.buffer(), start, end))
                && ws.rejectMatcher(r, reject, view).region(start, end).lookingAt();
    }

    /** The hand matcher of a built-in anchored rule that is not an assignment, or null. */
    private static AnchoredMatcher anchoredMatcher(SecretRule rule) {
        if (rule.secretGroup() == 2) {
            return UrlCredentialsMatcher.of(rule.pattern());
        }
        if (rule.secretGroup() != 1) {
            return null;
        }
        PemBlockMatcher block = PemBlockMatcher.of(rule.pattern());
        if (block != null) {
            return block;
        }
        AuthorizationHeaderMatcher header = rule.pattern().flags() == 0
                ? AuthorizationHeaderMatcher.of(rule.pattern().pattern()) : null;
        return header != null ? header : Base64ValueMatcher.of(rule.pattern());
    }

    /** The hand search of a searched rule's regex, or null when the regex engine searches it. */
    private static SearchedMatcher searchedMatcher(SecretRule rule) {
        SearchedMatcher key = OpenAiKeySearch.of(rule.pattern());
        return key != null ? key : NpmrcTokenSearch.of(rule.pattern());
    }

    /** Patterns with alternatives may hold the secret in another group than {@code secretGroup}. */
    private static int firstParticipatingGroup(Matcher m) {
        for (int k = 1; k <= m.groupCount(); k++) {
            if (m.start(k) >= 0) {
                return k;
            }
        }
        return 0;
    }

    /**
     * The value passes the rule's checks; each distinct value is checked once per check profile while remembered
     * (see {@link #DEFAULT_VALUE_MEMO_LIMIT}): the verdicts are a function of the value, so forgetting changes no
     * result.
     */
    private boolean accept(int r, ValueChecks value, Workspace ws) {
        int verdict = value.verdict(checkProfile[r]);
        if (verdict != ValueChecks.UNCHECKED) {
            ws.work.valueChecksReused++;
            return verdict == ValueChecks.ACCEPTED;
        }
        ws.work.valueChecks++;
        boolean accepted = check(r, value.value(), value, ws);
        value.record(checkProfile[r], accepted);
        return accepted;
    }

    /**
     * Cheapest checks first (any of them rejects, each a function of the value alone, so the order does not change
     * the verdict): the hand-matched allow shapes, which reject most of the generic rules' matches (identifiers,
     * paths, numbers) after one pass over the value, then the entropy, which rejects few values the shapes let
     * through, then the other allow patterns, the validator and the placeholders.
     */
    private boolean check(int r, String secret, ValueChecks value, Workspace ws) {
        SecretRule rule = rules[r];
        if (allowShapes[r].anyMatches(secret)) {
            return false;
        }
        if (rule.minEntropy() > 0 && value.entropy(secret, ws.charCounts) < rule.minEntropy()) {
            return false;
        }
        List<Pattern> allow = rule.allow();
        if (allowAtStart[r] != null && ws.allowAtStartMatcher(r, allowAtStart[r], secret).lookingAt()) {
            return false;
        }
        for (int i : allowSearched[r]) {
            if (ws.allowMatcher(r, i, allow.get(i), secret).find()) {
                return false;
            }
        }
        if (rule.validator() != null && !rule.validator().accepts(secret)) {
            return false;
        }
        if (value.placeholder(secret, placeholders, ws.placeholderMatchers)) {
            return false;
        }
        String decoded = rule.validator() == null ? secret : rule.validator().decodedForm(secret);
        return decoded == secret || !isPlaceholder(decoded, ws);
    }

    private boolean isPlaceholder(String secret, Workspace ws) {
        return placeholders.containsPlaceholder(secret, ws.placeholderMatchers);
    }

    /**
     * A candidate of {@code requiredRule} in the current view starts at most {@code within} chars from {@code at}
     * (the view's candidates are those in {@code out} since the view began).
     */
    private static boolean pairFound(int requiredRule, int at, int within, List<Candidate> out, Workspace ws) {
        NearbyStarts starts = ws.requiredStarts;
        for (int i = starts.indexedTo(); i < out.size(); i++) {
            Candidate c = out.get(i);
            starts.add(c.rule, c.decodedStart);
        }
        return starts.anyWithin(requiredRule, at, within);
    }

    private List<Finding> findings(CharSequence original, int limit, List<Candidate> candidates, Workspace ws) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        // a candidate overlapping one kept before it is dropped; the kept ones are disjoint and non-empty,
        // so a candidate overlaps one exactly when a char of its span (at least one char) is covered
        CoveredOffsets taken = ws.taken;
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : inOverlapPriority(candidates, ws.order)) {
            int end = Math.max(c.originalEnd, c.originalStart + 1);
            if (!taken.anyIn(c.originalStart, end)) {
                taken.cover(c.originalStart, end);
                kept.add(c);
            }
        }
        for (Candidate c : kept) {
            taken.uncover(c.originalStart, Math.max(c.originalEnd, c.originalStart + 1));
        }
        kept = inReportOrder(kept, ws.order);
        // kept is sorted by offset: lines after the last finding are never asked for
        int indexed = Math.min(limit, kept.get(kept.size() - 1).originalStart + 1);
        // the normalisation's walk recorded the lines unless it left the text to the layer-by-layer decoders
        LineIndex lines = ws.lineStarts.index(indexed);
        if (lines == null) {
            lines = LineIndex.of(original, indexed);
        }
        List<Finding> findings = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            SecretRule rule = rules[c.rule];
            findings.add(new Finding(DETECTOR, rule.id(), rule.severity(), rule.confidence(),
                    redactor.preview(c.secret), hasher.hash(hashForm(c.secret)), lines.line(c.originalStart),
                    lines.column(c.originalStart), c.originalStart, c.originalEnd - c.originalStart, null));
        }
        return findings;
    }

    /** The candidates in {@link #overlapPriority}'s order, a stable sort: packed into longs where they fit. */
    private List<Candidate> inOverlapPriority(List<Candidate> candidates, PackedOrder order) {
        int minStart = Integer.MAX_VALUE;
        int maxStart = 0;
        int minLength = Integer.MAX_VALUE;
        int maxLength = 0;
        for (Candidate c : candidates) {
            minStart = Math.min(minStart, c.originalStart);
            maxStart = Math.max(maxStart, c.originalStart);
            minLength = Math.min(minLength, c.originalEnd - c.originalStart);
            maxLength = Math.max(maxLength, c.originalEnd - c.originalStart);
        }
        int n = candidates.size();
        if (minStart < 0 || minLength < 0 || !order.begin(n, priorityRankBits, PackedOrder.bits(maxLength - minLength),
                PackedOrder.bits(maxStart), idRankBits)) {
            candidates.sort(overlapPriority);
            return candidates;
        }
        for (Candidate c : candidates) {
            // the longer span first
            order.add(priorityRank[c.rule], maxLength - (c.originalEnd - c.originalStart), c.originalStart, idRank[c.rule]);
        }
        return inPackedOrder(candidates, order);
    }

    /** The kept candidates in {@link #reportOrder}: packed into longs where they fit. */
    private List<Candidate> inReportOrder(List<Candidate> kept, PackedOrder order) {
        int maxStart = 0;
        for (Candidate c : kept) {
            maxStart = Math.max(maxStart, c.originalStart);
        }
        if (!order.begin(kept.size(), 0, 0, PackedOrder.bits(maxStart), idRankBits)) {
            kept.sort(reportOrder);
            return kept;
        }
        for (Candidate c : kept) {
            order.add(0, 0, c.originalStart, idRank[c.rule]);
        }
        return inPackedOrder(kept, order);
    }

    private static List<Candidate> inPackedOrder(List<Candidate> items, PackedOrder order) {
        order.sort();
        List<Candidate> sorted = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            sorted.add(items.get(order.indexAt(i)));
        }
        return sorted;
    }

    /**
     * The text a secret's keyed hash is computed over: multi-line secrets (PEM blocks) with every line
     * trimmed, so that the indentation of the file or message carrying them does not change the hash.
     */
    static String hashForm(String secret) {
        if (secret.indexOf('\n') < 0) {
            return secret;
        }
        StringBuilder sb = new StringBuilder(secret.length());
        int from = 0;
        while (true) {
            int nl = secret.indexOf('\n', from);
            int end = nl < 0 ? secret.length() : nl;
            int lineEnd = end > from && secret.charAt(end - 1) == '\r' && nl >= 0 ? end - 1 : end;
            // as before: leading lines that strip to nothing add no line break (hashes must not change)
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(secret, from, lineEnd);
            stripAppended(sb, lineEnd - from);
            if (nl < 0) {
                return sb.toString();
            }
            from = nl + 1;
        }
    }

    /** Strips (as {@link String#strip()}) the last {@code n} chars appended to {@code sb}. */
    private static void stripAppended(StringBuilder sb, int n) {
        int start = sb.length() - n;
        int end = sb.length();
        int s = start;
        while (s < end && Character.isWhitespace(sb.charAt(s))) {
            s++;
        }
        int e = end;
        while (e > s && Character.isWhitespace(sb.charAt(e - 1))) {
            e--;
        }
        sb.setLength(e);
        sb.delete(start, s);
    }

    /** A match that passed its rule's checks, before overlap resolution. */
    private record Candidate(int rule, String secret, DecodedText view, int decodedStart, int originalStart, int originalEnd) {
    }

    /** Per-thread scratch: keyword-hit windows per rule and reusable matchers. */
    private final class Workspace implements KeywordAutomaton.HitSink {
        final int[][] winStart;
        final int[][] winEnd;
        final int[] winCount;
        /** Per rule, how many of its windows {@link #evaluate} has done. */
        final int[] winEvaluated;
        final Matcher[] matchers;
        final Matcher[] rejectMatchers;
        final Matcher[] prefixMatchers;
        /** Out parameter of {@link AssignmentMatcher#match}: the value's start. */
        final int[] valueStart = new int[1];
        /** The secret group's start and end of an {@link AnchoredMatcher}'s match. */
        final int[] group = new int[2];
        final Matcher[][] allowMatchers;
        final Matcher[] allowAtStartMatchers;
        final PlaceholderMatcher.Matchers placeholderMatchers = placeholders.newMatchers();
        final int[] charCounts = new int[128];
        /** Original offsets covered by the findings kept so far; cleared after each scan. */
        final CoveredOffsets taken = new CoveredOffsets();
        /** The findings step's packed sorts. */
        final PackedOrder order = new PackedOrder();
        /** Where the current scan's text's lines start, as its normalisation found them. */
        final LineStarts lineStarts = new LineStarts();
        /** The chars of the current scan's renderings, reused by the next scan. */
        final RenderingBuffers buffers = RenderingBuffers.reused();
        /** The current stretch of a long view, with the chars before it that the automaton's walk starts from. */
        private char[] stretchChars = new char[0];
        /** Receives a stretch's hits and reports them at their offsets in the view. */
        private final ShiftedHits shiftedHits = new ShiftedHits();
        /** The current view's candidates of the rules that paired rules require, by where they start. */
        final NearbyStarts requiredStarts = new NearbyStarts(required);
        /** Where the last candidate's offsets lay in its view's offset runs: the next one is near. */
        final OffsetCursor offsets = new OffsetCursor();
        /** The current scan's matched values and what their checks found. */
        final ValueMemo values = new ValueMemo(valueMemoLimit);
        final CharSequence[] matcherInput;
        /** The rule's reject or prefix matcher was set to the current view. */
        final boolean[] rejectSet;
        final boolean[] prefixSet;
        int[] touched = new int[16];
        int touchedCount;
        int viewLength;
        char[] viewChars;
        /** Indices of the current view's {@code '%'} chars, in order: the percent layer need not search the view again. */
        int[] percents = new int[16];
        int percentCount;
        ScanWork work;

        Workspace(int ruleCount) {
            winStart = new int[ruleCount][];
            winEnd = new int[ruleCount][];
            winCount = new int[ruleCount];
            winEvaluated = new int[ruleCount];
            matchers = new Matcher[ruleCount];
            rejectMatchers = new Matcher[ruleCount];
            prefixMatchers = new Matcher[ruleCount];
            allowMatchers = new Matcher[ruleCount][];
            allowAtStartMatchers = new Matcher[ruleCount];
            matcherInput = new CharSequence[ruleCount];
            rejectSet = new boolean[ruleCount];
            prefixSet = new boolean[ruleCount];
        }

        /** An array of at least {@code length} chars for a stretch of a long view, kept from stretch to stretch. */
        char[] stretchChars(int length) {
            if (stretchChars.length < length) {
                stretchChars = new char[length];
            }
            return stretchChars;
        }

        /**
         * The sink of a walk over the view's chars from {@code base} on: a hit there ending at {@code end} is
         * reported at {@code base + end}, and only those ending past {@code skipped} chars (the earlier ones were
         * reported by the walk before).
         */
        KeywordAutomaton.HitSink shiftedHits(int base, int skipped) {
            shiftedHits.base = base;
            shiftedHits.skipped = skipped;
            return shiftedHits;
        }

        private final class ShiftedHits implements KeywordAutomaton.HitSink {
            int base;
            int skipped;

            @Override
            public void hit(int keyword, int end) {
                if (end > skipped) {
                    Workspace.this.hit(keyword, base + end);
                }
            }
        }

        /** Drops the matched values. */
        void forgetValues() {
            values.forget();
        }

        void begin(DecodedText view, ScanWork w) {
            viewLength = view.length();
            viewChars = view.buffer();
            percentCount = 0;
            if (percents.length > MAX_KEPT_PERCENTS) {
                // a view full of '%' grew it; the next views are small
                percents = new int[16];
            }
            work = w;
            touchedCount = 0;
        }

        @Override
        public void hit(int keyword, int end) {
            if (keyword == percentSign) {
                if (percentCount == percents.length) {
                    percents = Arrays.copyOf(percents, percentCount * 2);
                }
                percents[percentCount++] = end - 1;
                if (percentSignMarksOnly) {
                    return;
                }
            }
            work.keywordHits++;
            int kStart = end - keywordLengths[keyword];
            // the gated rules of a keyword share one walk to the assignment operator, each admitting it inside its window
            int operator = OPERATOR_NOT_SOUGHT;
            for (int r : rulesByKeyword[keyword]) {
                int stop = (int) Math.min(viewLength, (long) end + windowAfter[r]);
                if (anchored[r]) {
                    if (assignmentGated[r]) {
                        if (operator == OPERATOR_NOT_SOUGHT) {
                            operator = PatternShape.assignmentOperator(viewChars, nameKeyword[keyword] ? end : kStart, viewLength);
                        }
                        if (operator < 0 || operator >= stop) {
                            continue;
                        }
                    }
                    if (userinfoGates[r] == null || userinfoGates[r].admits(viewChars, kStart, stop)) {
                        addAnchor(r, kStart, stop);
                    }
                } else {
                    addWindow(r, Math.max(0, kStart - windowBefore[r]), stop);
                }
            }
        }

        /** An anchored rule is tried once at {@code start}; the same start from two keywords is tried once. */
        void addAnchor(int r, int start, int end) {
            int n = winCount[r];
            if (n > 0 && winStart[r][n - 1] == start) {
                winEnd[r][n - 1] = Math.max(winEnd[r][n - 1], end);
                return;
            }
            append(r, n, start, end);
        }

        void addWindow(int r, int start, int end) {
            int n = winCount[r];
            if (n > 0 && start <= winEnd[r][n - 1]) {
                winEnd[r][n - 1] = Math.max(winEnd[r][n - 1], end);
                winStart[r][n - 1] = Math.min(winStart[r][n - 1], start);
                return;
            }
            append(r, n, start, end);
        }

        private void append(int r, int n, int start, int end) {
            if (n == 0) {
                if (winStart[r] == null) {
                    winStart[r] = new int[4];
                    winEnd[r] = new int[4];
                }
                if (touchedCount == touched.length) {
                    touched = Arrays.copyOf(touched, touchedCount * 2);
                }
                touched[touchedCount++] = r;
            }
            if (n == winStart[r].length) {
                winStart[r] = Arrays.copyOf(winStart[r], n * 2);
                winEnd[r] = Arrays.copyOf(winEnd[r], n * 2);
            }
            winStart[r][n] = start;
            winEnd[r][n] = end;
            winCount[r] = n + 1;
        }

        int[] sortedTouched() {
            int[] t = Arrays.copyOf(touched, touchedCount);
            Arrays.sort(t);
            return t;
        }

        Matcher allowMatcher(int r, int i, Pattern p, String secret) {
            Matcher[] ms = allowMatchers[r];
            if (ms == null) {
                ms = allowMatchers[r] = new Matcher[rules[r].allow().size()];
            }
            if (ms[i] == null) {
                ms[i] = p.matcher(secret);
            } else {
                ms[i].reset(secret);
            }
            return ms[i];
        }

        Matcher allowAtStartMatcher(int r, Pattern p, String secret) {
            Matcher m = allowAtStartMatchers[r];
            if (m == null) {
                m = p.matcher(secret);
                allowAtStartMatchers[r] = m;
            } else {
                m.reset(secret);
            }
            return m;
        }

        Matcher matcher(int r, Pattern p, CharSequence input) {
            Matcher m = matchers[r];
            if (m == null) {
                m = p.matcher(input);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
                matchers[r] = m;
            } else if (matcherInput[r] != input) {
                m.reset(input);
            }
            matcherInput[r] = input;
            return m;
        }

        Matcher prefixMatcher(int r, Pattern p, DecodedText view) {
            Matcher m = prefixMatchers[r];
            if (m == null) {
                m = p.matcher(view);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
                prefixMatchers[r] = m;
            } else {
                m.reset(view);
            }
            prefixSet[r] = true;
            return m;
        }

        Matcher rejectMatcher(int r, Pattern p, DecodedText view) {
            Matcher m = rejectMatchers[r];
            if (m == null) {
                m = p.matcher(view);
                m.useTransparentBounds(true);
                m.useAnchoringBounds(false);
                rejectMatchers[r] = m;
            } else {
                m.reset(view);
            }
            rejectSet[r] = true;
            return m;
        }

        void end() {
            for (int i = 0; i < touchedCount; i++) {
                winCount[touched[i]] = 0;
                winEvaluated[touched[i]] = 0;
                // drop the matchers' references to the scanned text so it can be collected (only the matchers set to
                // this view have one, and only touched rules have such matchers)
                if (matcherInput[touched[i]] != null) {
                    matchers[touched[i]].reset("");
                    matcherInput[touched[i]] = null;
                }
                if (rejectSet[touched[i]]) {
                    rejectMatchers[touched[i]].reset("");
                    rejectSet[touched[i]] = false;
                }
                if (prefixSet[touched[i]]) {
                    prefixMatchers[touched[i]].reset("");
                    prefixSet[touched[i]] = false;
                }
            }
            touchedCount = 0;
            viewChars = null;
            work = null;
        }
    }

    /** Builds a {@link SecretScanner}; only the hasher is mandatory. */
    public static final class Builder {
        private RuleCatalog catalog;
        private KeyedHasher hasher;
        private Redactor redactor = Redactor.standard();
        private int maxScanChars = DEFAULT_MAX_SCAN_CHARS;
        private int maxDecodeDepth = DEFAULT_MAX_DECODE_DEPTH;
        private int evaluationStretch = DEFAULT_EVALUATION_STRETCH;
        private int valueMemoLimit = DEFAULT_VALUE_MEMO_LIMIT;

        private Builder() {
        }

        /** Rules to use; default {@link RuleCatalog#builtIn()}. */
        public Builder catalog(RuleCatalog c) {
            this.catalog = Objects.requireNonNull(c);
            return this;
        }

        /** Keyed hasher for the secrets' hashes (the deployment key). */
        public Builder hasher(KeyedHasher h) {
            this.hasher = Objects.requireNonNull(h);
            return this;
        }

        public Builder redactor(Redactor r) {
            this.redactor = Objects.requireNonNull(r);
            return this;
        }

        /** Longer texts are scanned up to this many chars and reported as truncated. */
        public Builder maxScanChars(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxScanChars must be positive");
            }
            this.maxScanChars = n;
            return this;
        }

        /** How many nested base64 layers are decoded and rescanned (0 = none). */
        public Builder maxDecodeDepth(int d) {
            if (d < 0) {
                throw new IllegalArgumentException("maxDecodeDepth must be >= 0");
            }
            this.maxDecodeDepth = d;
            return this;
        }

        /** Chars of a view whose windows are evaluated together (see {@link #DEFAULT_EVALUATION_STRETCH}); for tests. */
        Builder evaluationStretch(int chars) {
            if (chars < 1) {
                throw new IllegalArgumentException("evaluationStretch must be positive");
            }
            this.evaluationStretch = chars;
            return this;
        }

        /** Distinct values whose verdicts a scan remembers (see {@link #DEFAULT_VALUE_MEMO_LIMIT}); for tests. */
        Builder valueMemoLimit(int values) {
            if (values < 1) {
                throw new IllegalArgumentException("valueMemoLimit must be positive");
            }
            this.valueMemoLimit = values;
            return this;
        }

        public SecretScanner build() {
            if (catalog == null) {
                catalog = RuleCatalog.builtIn();
            }
            return new SecretScanner(this);
        }
    }
}
