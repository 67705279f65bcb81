package io.reelhub.brief;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warns about prompts that text-to-video models are known to render badly: a missing section, characters with no
 * appearance, no fixed lighting, on-screen text or logos, more characters than a model keeps consistent, and
 * several actions with nothing saying how one leads to the next. These are heuristics over words, so they only
 * ever warn; each rule is one method.
 */
public final class PromptLinter {

    public static final int DEFAULT_MAX_CHARACTERS = 3;
    /** What {@link #countCharacters} returns for a crowd, a band or a family: more than any limit. */
    static final int CROWD = Integer.MAX_VALUE;

    private static final Pattern NO_CHARACTERS =
            Pattern.compile("(none|no one|nobody|no people|no characters|no person)\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern APPEARANCE = words(
            // colours and tones
            "red|orange|yellow|green|blue|purple|violet|pink|brown|black|white|grey|gray|silver|gold|golden"
                    + "|blond|blonde|auburn|ginger|beige|navy|teal|crimson|dark|pale|tanned|freckled"
                    // clothing
                    + "|coat|jacket|shirt|t-shirt|dress|suit|hat|cap|hood|hoodie|jeans|trousers|pants|skirt|boots"
                    + "|shoes|sneakers|uniform|scarf|glasses|sunglasses|gloves|helmet|armou?r|gown|robe|apron|vest"
                    + "|sweater|jumper|tie|overalls|costume|kimono|wearing|dressed"
                    // hair
                    + "|hair|haired|bob|bald|beard|bearded|moustache|mustache|ponytail|braids?|curls|curly"
                    + "|dreadlocks|bun|fringe|bangs"
                    // age and build
                    + "|\\d{1,2}s|\\d{1,3}-year-old|years old|young|elderly|old|teenage|teenager|toddler"
                    + "|middle-aged|aged|senior|tall|short|slim|stocky|muscular|petite");
    private static final Pattern LIGHTING = words(
            "light|lights|lighting|lit|neon|sunlight|sunlit|moonlight|moonlit|daylight|sunset|sunrise"
                    + "|golden hour|blue hour|dusk|dawn|twilight|noon|midday|overcast|shadows?|backlit|backlight"
                    + "|rim light|candlelight|candlelit|candles?|lamps?|lanterns?|fluorescent|glow|glowing"
                    + "|high-key|low-key|chiaroscuro|silhouetted?|spotlight|floodlit|headlights");
    private static final Pattern ON_SCREEN_TEXT = words(
            "text|logo|logos|caption|captions|subtitles?|lettering|typography|title card|headline|slogan"
                    + "|signs? that (says|reads|say|read)|written|watermark|brand name");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]+\"|\u201C[^\u201D]+\u201D");
    private static final Pattern TRANSITION = words(
            "then|as|while|before|after|afterwards|stops|stop|until|when|once|finally|next|meanwhile|suddenly"
                    + "|followed by|starts|begins|pauses|later|moments later|eventually");
    private static final Pattern ACTION_SEPARATOR = Pattern.compile("\\s*(?:[,;.]|\\band\\b)\\s*");
    private static final Pattern CHARACTER_SEPARATOR =
            Pattern.compile("\\s*(?:[,;&]|\\band\\b|\\bwith\\b|\\bplus\\b)\\s*");
    private static final Pattern ONE_CHARACTER = Pattern.compile("^(a|an|the|one|another)\\b");
    private static final Pattern SEVERAL_CHARACTERS = Pattern.compile(
            "^(\\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b");
    private static final Pattern CROWD_WORDS = words(
            "crowd|crowds|group|team|army|gang|family|band|audience|people|dozens|hundreds|choir|squad");
    private static final List<String> NUMBER_WORDS = List.of("zero", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve");

    private final int maxCharacters;

    public PromptLinter() {
        this(DEFAULT_MAX_CHARACTERS);
    }

    /** @param maxCharacters the most characters a prompt may name before the linter warns */
    public PromptLinter(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** Every warning for the brief's prompt and its shots' actions. */
    public List<Problem> lint(Prompt prompt, List<Shot> shots) {
        List<Problem> warnings = new ArrayList<>(missingSections(prompt));
        characterAppearance(prompt).ifPresent(warnings::add);
        fixedLighting(prompt).ifPresent(warnings::add);
        warnings.addAll(onScreenText(prompt, shots));
        tooManyCharacters(prompt).ifPresent(warnings::add);
        warnings.addAll(transitions(prompt, shots));
        return warnings;
    }

    /** One warning per absent section of a structured prompt; free text has no sections to miss. */
    List<Problem> missingSections(Prompt prompt) {
        List<Problem> warnings = new ArrayList<>();
        if (prompt.isFreeText()) {
            return warnings;
        }
        for (PromptSection section : PromptSection.values()) {
            if (section.valueIn(prompt) == null) {
                String hint = section == PromptSection.CHARACTERS
                        ? " (write 'characters: none' for a scene without people)" : "";
                warnings.add(new Problem(section.path(), "no " + section.fieldName() + " section; models fill"
                        + " the gap with guesses" + hint));
            }
        }
        return warnings;
    }

    /** Characters described without colour, clothing, hair or age drift from shot to shot. */
    Optional<Problem> characterAppearance(Prompt prompt) {
        String characters = prompt.characters();
        if (characters == null || NO_CHARACTERS.matcher(characters.trim()).matches()
                || APPEARANCE.matcher(characters).find()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(PromptSection.CHARACTERS.path(), "no appearance given (colours, clothing,"
                + " hair, age); without it a character's look drifts between shots"));
    }

    /** Without a named light source or quality, each generation lights the scene its own way. */
    Optional<Problem> fixedLighting(Prompt prompt) {
        if (prompt.isFreeText()) {
            return LIGHTING.matcher(prompt.text()).find() ? Optional.empty()
                    : Optional.of(new Problem("prompt", noLighting()));
        }
        boolean lit = (prompt.scene() != null && LIGHTING.matcher(prompt.scene()).find())
                || (prompt.style() != null && LIGHTING.matcher(prompt.style()).find());
        return lit ? Optional.empty() : Optional.of(new Problem(PromptSection.SCENE.path(), noLighting()));
    }

    /** Models cannot render text or logos reliably; those belong in post-production. */
    List<Problem> onScreenText(Prompt prompt, List<Shot> shots) {
        List<Problem> warnings = new ArrayList<>();
        if (prompt.isFreeText()) {
            textRequest(prompt.text(), true).ifPresent(found -> warnings.add(textWarning("prompt", found)));
        } else {
            for (PromptSection section : PromptSection.values()) {
                String value = section.valueIn(prompt);
                if (value != null) {
                    textRequest(value, section == PromptSection.ACTION)
                            .ifPresent(found -> warnings.add(textWarning(section.path(), found)));
                }
            }
        }
        for (int i = 0; i < shots.size(); i++) {
            String at = "shots[" + i + "].action";
            String action = shots.get(i).action();
            if (action != null) {
                textRequest(action, true).ifPresent(found -> warnings.add(textWarning(at, found)));
            }
        }
        return warnings;
    }

    /** Models keep a few characters consistent; past the limit faces and costumes swap. */
    Optional<Problem> tooManyCharacters(Prompt prompt) {
        if (prompt.characters() == null) {
            return Optional.empty();
        }
        int count = countCharacters(prompt.characters());
        if (count <= maxCharacters) {
            return Optional.empty();
        }
        String counted = count == CROWD ? "a crowd of characters" : "about " + count + " characters";
        return Optional.of(new Problem(PromptSection.CHARACTERS.path(), counted + "; models keep at most about "
                + maxCharacters + " consistent: move the others to the scene or split the brief into shots"));
    }

    /** Several actions in a row need words saying how one leads to the next, or models jump-cut or merge them. */
    List<Problem> transitions(Prompt prompt, List<Shot> shots) {
        List<Problem> warnings = new ArrayList<>();
        if (!prompt.isFreeText() && prompt.action() != null && lacksTransitions(prompt.action())) {
            warnings.add(new Problem(PromptSection.ACTION.path(), noTransition()));
        }
        for (int i = 0; i < shots.size(); i++) {
            String action = shots.get(i).action();
            if (action != null && lacksTransitions(action)) {
                warnings.add(new Problem("shots[" + i + "].action", noTransition()));
            }
        }
        return warnings;
    }

    int countCharacters(String characters) {
        if (CROWD_WORDS.matcher(characters).find()) {
            return CROWD;
        }
        int count = 0;
        for (String part : CHARACTER_SEPARATOR.split(characters.toLowerCase(Locale.ROOT))) {
            Matcher several = SEVERAL_CHARACTERS.matcher(part);
            if (several.find()) {
                String number = several.group(1);
                count += number.chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(number) : NUMBER_WORDS.indexOf(number);
            } else if (ONE_CHARACTER.matcher(part).find()) {
                count++;
            }
        }
        return count;
    }

    private static boolean lacksTransitions(String action) {
        long actions = ACTION_SEPARATOR.splitAsStream(action.trim()).filter(s -> !s.isBlank()).count();
        return actions > 1 && !TRANSITION.matcher(action).find();
    }

    private static Optional<String> textRequest(String value, boolean quotesCount) {
        Matcher words = ON_SCREEN_TEXT.matcher(value);
        if (words.find()) {
            return Optional.of(words.group());
        }
        Matcher quoted = QUOTED.matcher(value);
        return quotesCount && quoted.find() ? Optional.of(quoted.group()) : Optional.empty();
    }

    private static Problem textWarning(String path, String found) {
        return new Problem(path, "asks for on-screen text or a logo (" + found + "); models cannot render them"
                + " reliably: add them in post-production");
    }

    private static String noLighting() {
        return "no fixed lighting (a light source or quality such as neon, golden hour, overcast, backlit) in the"
                + " scene or style; each generation will light it differently";
    }

    private static String noTransition() {
        return "several actions with no transition word (then, as, while, before, after, until, ...); say how one"
                + " leads to the next";
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b", Pattern.CASE_INSENSITIVE);
    }
}
