package io.lytx.example.boot;

import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page, and a demo login: the email given is kept in the session attribute {@value #USER}, which
 * {@code application.yml} names as the known identity ({@code lytics.identity-attribute}). No password:
 * this is a demo of personalization, not of authentication.
 */
@Controller
class HomeController {

    static final String USER = "example.user";

    /** The demo data's known people. */
    static final List<String> PEOPLE = List.of("ada@example.org", "grace@example.org", "linus@example.org");

    @GetMapping("/")
    String home(HttpSession session, Model model) {
        model.addAttribute("user", session.getAttribute(USER));
        model.addAttribute("people", PEOPLE);
        return "home";
    }

    @PostMapping("/login")
    String login(@RequestParam("email") String email, HttpSession session) {
        if (PEOPLE.contains(email)) {
            session.setAttribute(USER, email);
        }
        return "redirect:/";
    }

    @PostMapping("/logout")
    String logout(HttpSession session) {
        session.invalidate();
        return "redirect:/";
    }
}
