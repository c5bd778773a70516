<%@ include file="/WEB-INF/jspf/taglibs.jspf" %>
<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>lytx demo: articles</title>
  <link rel="stylesheet" href="${pageContext.request.contextPath}/static/site.css">
  <lytics:head/>
</head>
<body>
<%@ include file="/WEB-INF/jspf/header.jspf" %>
<main>
  <h1>Articles</h1>
  <p class="muted">Read from the Lytics content API. Three articles of one topic put you in that topic's segment.</p>
  <c:if test="${not empty contentError}"><p class="error" id="content-error"><c:out value="${contentError}"/></p></c:if>
  <div class="topics">
    <c:forEach var="entry" items="${articlesByTopic}">
      <section class="topic-list" id="topic-${entry.key}">
        <h2><c:out value="${entry.key}"/></h2>
        <ul>
          <c:forEach var="a" items="${entry.value}">
            <li><a href="${pageContext.request.contextPath}<c:out value='${a.path}'/>"><c:out value="${a.title}"/></a></li>
          </c:forEach>
        </ul>
      </section>
    </c:forEach>
  </div>
</main>
<%@ include file="/WEB-INF/jspf/footer.jspf" %>
</body>
</html>
