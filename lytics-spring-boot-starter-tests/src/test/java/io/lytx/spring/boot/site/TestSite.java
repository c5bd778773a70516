package io.lytx.spring.boot.site;

import java.util.List;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A small Boot site as a newcomer writes one: the starter as its only Lytics code, a Thymeleaf page,
 * Spring Security's form login ({@code /account} needs it), Actuator. Users: {@code ada@example.org}
 * (a profile of the sandbox's demo data) and {@code new@example.org}, password {@value #PASSWORD}.
 */
@SpringBootApplication
public class TestSite {

    /** The password of the test users. */
    public static final String PASSWORD = "secret-pw";

    @Controller
    static class Pages {

        @GetMapping({"/", "/account"})
        String home(Model model) {
            model.addAttribute("audience", "known_users");
            model.addAttribute("picks", List.of("editor-pick"));
            return "page";
        }
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/account").authenticated().anyRequest().permitAll())
                .formLogin(Customizer.withDefaults())
                // the tests post the login form without first reading its CSRF token
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("ada@example.org").password("{noop}" + PASSWORD).roles("USER").build(),
                User.withUsername("new@example.org").password("{noop}" + PASSWORD).roles("USER").build());
    }
}
