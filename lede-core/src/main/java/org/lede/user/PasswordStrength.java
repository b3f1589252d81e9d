package org.lede.user;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lede.common.ValidationException;

/**
 * Refuses new passwords that are easy to guess, as zxcvbn estimates it: dictionary words, common
 * passwords, repeats, sequences, keyboard walks, dates and the member's own name and email. A
 * length rule alone accepts {@code aaaaaaaaaaaa} and {@code password1234}; zxcvbn refuses both
 * and accepts a passphrase of a few uncommon words.
 */
public final class PasswordStrength {
    public static final int MIN_LENGTH = 12;
    /**
     * zxcvbn's score 3 of 4, "safely unguessable", about 10^8 guesses: enough behind Argon2id and
     * the sign-in slowdown, and reachable with a passphrase of three or four words.
     */
    private static final int MIN_SCORE = 3;

    /**
     * zxcvbn's dictionaries, loaded when a password is first checked: building them took a tenth
     * of the server's start-up on its main thread, and most starts never check a password.
     */
    private static final class Dictionaries {
        static final Zxcvbn ZXCVBN = new Zxcvbn();
    }

    /**
     * @param related words the password must not lean on, such as the member's name and email
     * @throws ValidationException for a password too short, too long or too easy to guess, saying how to do better
     */
    public void check(String password, String... related) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new ValidationException("password", "Choose a password of at least " + MIN_LENGTH + " characters.");
        }
        // zxcvbn's cost grows with length; past this it is not a password anyone types.
        if (password.length() > 1000) {
            throw new ValidationException("password", "That password is too long.");
        }
        List<String> inputs = new ArrayList<>();
        for (String word : related) {
            if (word != null && !word.isBlank()) {
                for (String part : word.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (part.length() > 2) {
                        inputs.add(part);
                    }
                }
            }
        }
        Strength strength = Dictionaries.ZXCVBN.measure(password, inputs);
        if (strength.getScore() < MIN_SCORE) {
            Feedback feedback = strength.getFeedback();
            StringBuilder message = new StringBuilder("That password is too easy to guess.");
            String warning = feedback.getWarning(Locale.ENGLISH);
            if (warning != null && !warning.isBlank()) {
                message.append(' ').append(warning);
            }
            for (String suggestion : feedback.getSuggestions(Locale.ENGLISH)) {
                message.append(' ').append(suggestion);
            }
            message.append(
                    " A few uncommon words in a row, such as a short phrase only you would think of, work well.");
            throw new ValidationException("password", message.toString());
        }
    }
}
